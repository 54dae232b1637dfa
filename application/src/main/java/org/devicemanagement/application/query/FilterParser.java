package org.devicemanagement.application.query;

import java.util.List;
import java.util.Locale;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.query.FilterLexer.Kind;
import org.devicemanagement.application.query.FilterLexer.Token;

/**
 * The recursive descent every {@code $filter} grammar here shares: conditions joined by {@code or}
 * and {@code and} ({@code and} binding tighter), in parentheses nested at most {@link #MAX_DEPTH}
 * deep, with Graph-like 400s naming the position; a subclass reads one condition into its filter
 * type {@code F}. One instance reads one text.
 *
 * @param <F> the filter tree the grammar builds
 */
public abstract class FilterParser<F> {

  /** The longest {@code $filter} text read, in characters. */
  public static final int MAX_LENGTH = 4000;

  /** How deeply parentheses may nest. */
  public static final int MAX_DEPTH = 100;

  private static final int MAX_SHOWN_LENGTH = 50;

  private final String text;
  private final List<Token> tokens;
  private final String aCondition;
  private int next;
  private int depth;

  /**
   * A parser of {@code text}, naming {@code aCondition} (such as {@code "a condition such as
   * deviceName eq 'value'"}) where a condition was expected.
   *
   * @throws InvalidRequestException if the text is longer than {@link #MAX_LENGTH}
   */
  protected FilterParser(String text, String aCondition) {
    if (text.length() > MAX_LENGTH) {
      throw new InvalidRequestException(
          "The $filter is %d characters long; at most %d are supported."
              .formatted(text.length(), MAX_LENGTH));
    }
    this.text = text;
    this.tokens = FilterLexer.tokens(text);
    this.aCondition = aCondition;
  }

  /** The whole text as one filter. */
  public final F filter() {
    F filter = or();
    Token token = peek();
    if (token.kind() == Kind.CLOSE) {
      throw syntax(token, "This ')' closes no '('.");
    }
    if (token.kind() != Kind.END) {
      throw unexpectedAfter(filter, token, "the end of the filter");
    }
    return filter;
  }

  /** One condition, starting with the word {@code word} (already taken). */
  protected abstract F condition(Token word);

  /** {@code left and right}. */
  protected abstract F both(F left, F right);

  /** {@code left or right}. */
  protected abstract F either(F left, F right);

  /**
   * The failure for {@code token}, found after {@code condition} where {@code and}, {@code or} or
   * {@code orElse} was expected.
   */
  protected InvalidRequestException unexpectedAfter(F condition, Token token, String orElse) {
    return syntax(token, "Expected 'and', 'or' or %s, found %s.".formatted(orElse, found(token)));
  }

  private F or() {
    F filter = and();
    while (peek().isWord("or")) {
      keyword(take());
      filter = either(filter, and());
    }
    return filter;
  }

  private F and() {
    F filter = primary();
    while (peek().isWord("and")) {
      keyword(take());
      filter = both(filter, primary());
    }
    return filter;
  }

  private F primary() {
    Token token = take();
    return switch (token.kind()) {
      case OPEN -> group(token);
      case WORD -> condition(token);
      case STRING ->
          throw syntax(
              token,
              "Expected %s, found %s; the property name comes first."
                  .formatted(aCondition, found(token)));
      case CLOSE, COMMA, END ->
          throw syntax(token, "Expected %s, found %s.".formatted(aCondition, found(token)));
    };
  }

  private F group(Token open) {
    if (++depth > MAX_DEPTH) {
      throw new InvalidRequestException(
          "The $filter nests parentheses more than %d levels deep (at position %d)."
              .formatted(MAX_DEPTH, open.start()));
    }
    F inner = or();
    Token close = take();
    if (close.kind() == Kind.END) {
      throw syntax(close, "The '(' at position %d has no closing ')'.".formatted(open.start()));
    }
    if (close.kind() != Kind.CLOSE) {
      throw unexpectedAfter(inner, close, "')'");
    }
    depth--;
    return inner;
  }

  /** Checks the blank space OData requires on both sides of an operator keyword. */
  protected final void keyword(Token keyword) {
    Token after = peek();
    if (!keyword.spaced() || (after.kind() != Kind.END && !after.spaced())) {
      throw syntax(keyword, "Put a space before and after '%s'.".formatted(key(keyword.text())));
    }
  }

  /** A syntax error at {@code at}, showing the text up to there, with {@code hint}. */
  protected final InvalidRequestException syntax(Token at, String hint) {
    return FilterLexer.syntaxError(text, at.start(), hint);
  }

  /** The next token, not taken. */
  protected final Token peek() {
    return tokens.get(next);
  }

  /** The next token, taken (the end stays the next token once reached). */
  protected final Token take() {
    Token token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return token;
  }

  /** {@code token} as a message names what was found. */
  protected static String found(Token token) {
    return switch (token.kind()) {
      case END -> "the end of the filter";
      case STRING -> "the string " + shown(token.text());
      case WORD, OPEN, CLOSE, COMMA -> "'" + shown(token.text()) + "'";
    };
  }

  /** {@code value} as a message shows it: cut after 50 characters. */
  protected static String shown(String value) {
    return value.length() <= MAX_SHOWN_LENGTH
        ? value
        : value.substring(0, MAX_SHOWN_LENGTH) + "...";
  }

  /** {@code name} as keywords and names compare: lower-cased. */
  protected static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
