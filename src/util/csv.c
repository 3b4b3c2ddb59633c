/* csv.c — the CSV fields of csv.h. */
#include "util/csv.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

void csv_field(FILE *f, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void csv_fields(FILE *f, size_t n, ...)
{
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', f);
        csv_field(f, va_arg(ap, const char *));
    }
    va_end(ap);
}

void csv_number(FILE *f, double x, int integer)
{
    if (isnan(x))
        return;
    fprintf(f, integer ? "%.0f" : "%.17g", x);
}
