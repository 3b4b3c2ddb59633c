/* palette.c — the colors of a map (stage: base; depends on nothing).
 *
 * Okabe–Ito colors, distinct for the common color-vision deficiencies, all legible under
 * black text; themes take them in ontology order (render_theme_colors, which is public so
 * that a page can key its text to the maps). Edges are grays by the number of papers
 * stating a relation. Every style and the legend take their colors from here. */
#include "render_internal.h"

const char *const render_palette[RENDER_N_PALETTE][2] = {
    /* fill, border */
    {"#E69F00", "#8A5F00"}, /* orange */
    {"#56B4E9", "#1F6E9C"}, /* sky blue */
    {"#009E73", "#005C43"}, /* bluish green */
    {"#F0E442", "#8F8622"}, /* yellow */
    {"#CC79A7", "#8A3E68"}, /* reddish purple */
    {"#D55E00", "#7F3800"}, /* vermillion */
    {"#0072B2", "#00436A"}, /* blue */
};

/* Width and color by the number of papers stating the relation (1, 2, 3 or more): what
 * several papers agree on stands out, a single paper's claim stays in the background. */
const char *const render_edge_colors[3] = {"#8C8C8CA6", "#4D4D4DD9", "#1A1A1AE6"};
const char *const render_edge_swatches[3] = {"#ADADAD", "#5E5E5E", "#1A1A1A"};

void render_theme_colors(int32_t theme, const char **fill, const char **border)
{
    size_t i = theme >= 0 ? (size_t)theme % RENDER_N_PALETTE : 0;
    *fill = render_palette[i][0];
    *border = render_palette[i][1];
}

const char *render_theme_color(int32_t theme)
{
    const char *fill, *border;
    render_theme_colors(theme, &fill, &border);
    return fill;
}
