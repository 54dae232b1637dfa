package org.devicemanagement.application.query;

import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.application.failure.InvalidRequestException;

/**
 * Splits {@code $filter} text into tokens: words (names, keywords and unquoted values alike),
 * single-quoted strings, parentheses and commas. Shared by the {@code $filter} readers of devices
 * and of audit events.
 */
public final class FilterLexer {

  /** What a token is. */
  public enum Kind {
    WORD,
    STRING,
    OPEN,
    CLOSE,
    COMMA,
    END
  }

  /**
   * One token: its kind, its text as written, its value (a string literal's content with {@code ''}
   * read as one quote, otherwise the text), where it starts, and whether blank space or the start
   * of the text precedes it.
   */
  public record Token(Kind kind, String text, String value, int start, boolean spaced) {

    /** Whether this is the word {@code word}, ignoring case. */
    public boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }
  }

  private FilterLexer() {}

  /** The tokens of {@code text}, ending with an {@link Kind#END} token at its length. */
  public static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int length = text.length();
    int i = 0;
    while (true) {
      int blankFrom = i;
      while (i < length && isBlank(text.charAt(i))) {
        i++;
      }
      boolean spaced = i > blankFrom || i == 0;
      if (i == length) {
        tokens.add(new Token(Kind.END, "", "", length, spaced));
        return tokens;
      }
      int start = i;
      char c = text.charAt(i);
      switch (c) {
        case '(' -> tokens.add(new Token(Kind.OPEN, "(", "(", start, spaced));
        case ')' -> tokens.add(new Token(Kind.CLOSE, ")", ")", start, spaced));
        case ',' -> tokens.add(new Token(Kind.COMMA, ",", ",", start, spaced));
        case '\'' -> {
          StringBuilder value = new StringBuilder();
          i = readString(text, start, value);
          tokens.add(
              new Token(Kind.STRING, text.substring(start, i), value.toString(), start, spaced));
          continue;
        }
        default -> {
          while (i < length && isWordChar(text.charAt(i))) {
            i++;
          }
          String word = text.substring(start, i);
          tokens.add(new Token(Kind.WORD, word, word, start, spaced));
          continue;
        }
      }
      i++;
    }
  }

  /** Reads the literal opening at {@code start} into {@code value}; returns the index after it. */
  private static int readString(String text, int start, StringBuilder value) {
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '\'') {
        value.append(c);
        i++;
      } else if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
        value.append('\'');
        i += 2;
      } else {
        return i + 1;
      }
    }
    throw syntaxError(
        text,
        start,
        "The string literal that starts there has no closing quote"
            + " (a quote inside a string is written as two: 'O''Brien').");
  }

  /** Blank space between tokens: what OData allows ({@code SP}, {@code HTAB}) and line breaks. */
  static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isWordChar(char c) {
    return !isBlank(c) && c != '(' && c != ')' && c != ',' && c != '\'';
  }

  /** OData's syntax error for {@code text} at {@code position} (from 0), with a hint. */
  public static InvalidRequestException syntaxError(String text, int position, String hint) {
    return new InvalidRequestException(
        "Syntax error at position %d in '%s'. %s".formatted(position, text, hint));
  }
}
