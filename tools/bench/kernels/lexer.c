/* Kernel "lexer": a switch-driven tokenizer state machine over 4 KiB of C-like source text
 * (identifiers, numbers, strings with escapes, line and block comments, operators, lines). */
#include "common.h"

#define LENGTH 4096

static unsigned char input[LENGTH];
/* 32 characters, weighted towards letters, so that every state is visited often. */
static const char alphabet[32] = "abcdefghij01234   \t\n\n\"\\//**+=();";

enum state {
    START,
    IDENTIFIER,
    NUMBER,
    STRING,
    STRING_ESCAPE,
    SLASH,
    LINE_COMMENT,
    BLOCK_COMMENT,
    BLOCK_STAR,
};

void setup(void)
{
    uint32_t state = 5;
    for (size_t i = 0; i < LENGTH; i++) {
        state = state * 1664525u + 1013904223u;
        input[i] = (unsigned char)alphabet[state >> 27];
    }
}

static inline int is_letter(uint32_t c)
{
    return c - 'a' < 26 || c == '_';
}

static inline int is_digit(uint32_t c)
{
    return c - '0' < 10;
}

int32_t run(void)
{
    enum state state = START;
    int32_t identifiers = 0, numbers = 0, strings = 0, comments = 0, operators = 0, lines = 0;
    for (size_t i = 0; i < LENGTH; i++) {
        uint32_t c = input[i];
        switch (state) {
        case START:
            break;
        case IDENTIFIER:
            if (is_letter(c) || is_digit(c))
                continue;
            identifiers++;
            break;
        case NUMBER:
            if (is_digit(c))
                continue;
            numbers++;
            break;
        case STRING:
            if (c == '\\')
                state = STRING_ESCAPE;
            else if (c == '"') {
                strings++;
                state = START;
            } else if (c == '\n')
                lines++;
            continue;
        case STRING_ESCAPE:
            state = STRING;
            continue;
        case SLASH:
            if (c == '/') {
                state = LINE_COMMENT;
                continue;
            }
            if (c == '*') {
                state = BLOCK_COMMENT;
                continue;
            }
            operators++;
            break;
        case LINE_COMMENT:
            if (c == '\n') {
                comments++;
                lines++;
                state = START;
            }
            continue;
        case BLOCK_COMMENT:
            if (c == '*')
                state = BLOCK_STAR;
            else if (c == '\n')
                lines++;
            continue;
        case BLOCK_STAR:
            if (c == '/') {
                comments++;
                state = START;
            } else if (c != '*') {
                if (c == '\n')
                    lines++;
                state = BLOCK_COMMENT;
            }
            continue;
        }
        /* The previous token (if any) ended before c: start the next one at c. */
        switch (c) {
        case ' ':
        case '\t':
            state = START;
            break;
        case '\n':
            lines++;
            state = START;
            break;
        case '"':
            state = STRING;
            break;
        case '/':
            state = SLASH;
            break;
        default:
            if (is_letter(c))
                state = IDENTIFIER;
            else if (is_digit(c))
                state = NUMBER;
            else {
                operators++;
                state = START;
            }
        }
    }
    return ((((identifiers * 31 + numbers) * 31 + strings) * 31 + comments) * 31 + operators) * 31 + lines;
}

int32_t digest(void)
{
    return fnv1a(input, LENGTH);
}
