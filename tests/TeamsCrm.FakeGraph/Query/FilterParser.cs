using System.Text;
using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.Query;

public enum LiteralKind { String, Number, Boolean, Null, DateTime }

/// <summary>A literal as written; it gets its type from the column it is compared with.</summary>
public sealed record FilterLiteral(LiteralKind Kind, string Text);

public abstract record FilterNode;
public sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode;
public sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode;
/// <param name="Field">The field name without the "fields/" prefix.</param>
public sealed record CompareNode(string Field, string Op, FilterLiteral Value) : FilterNode;
public sealed record StartsWithNode(string Field, FilterLiteral Prefix) : FilterNode;

/// <summary>
/// The $filter subset Graph accepts on list items: fields/X eq|ne|lt|gt|le|ge literal, startswith(fields/X,'v'),
/// and/or, parentheses. String literals double their single quotes: 'O''Brien'.
/// </summary>
public sealed class FilterParser
{
    static readonly HashSet<string> Operators = ["eq", "ne", "lt", "gt", "le", "ge"];
    readonly List<(bool Quoted, string Text)> _tokens;
    int _at;

    FilterParser(List<(bool, string)> tokens) => _tokens = tokens;

    public static FilterNode Parse(string filter)
    {
        var parser = new FilterParser(Tokenize(filter));
        var node = parser.Or();
        if (parser._at < parser._tokens.Count) throw Invalid($"unexpected '{parser._tokens[parser._at].Text}'");
        return node;
    }

    FilterNode Or()
    {
        var left = And();
        while (TryWord("or")) left = new OrNode(left, And());
        return left;
    }

    FilterNode And()
    {
        var left = Primary();
        while (TryWord("and")) left = new AndNode(left, Primary());
        return left;
    }

    FilterNode Primary()
    {
        if (TryWord("(")) { var inner = Or(); Expect(")"); return inner; }
        if (TryWord("not")) throw Invalid("'not' is not supported on list items");
        if (TryWord("startswith"))
        {
            Expect("(");
            var field = Field();
            Expect(",");
            var prefix = Literal();
            Expect(")");
            return new StartsWithNode(field, prefix);
        }
        var name = Field();
        var op = Next().Text.ToLowerInvariant();
        if (!Operators.Contains(op)) throw Invalid($"'{op}' is not a supported operator");
        return new CompareNode(name, op, Literal());
    }

    string Field()
    {
        var (quoted, text) = Next();
        if (quoted || !text.StartsWith("fields/", StringComparison.OrdinalIgnoreCase) || text.Length <= 7)
            throw Invalid($"'{text}' is not a field; list item filters name fields as fields/Name");
        return text[7..];
    }

    FilterLiteral Literal()
    {
        var (quoted, text) = Next();
        if (quoted) return new FilterLiteral(LiteralKind.String, text);
        if (text.Equals("datetime", StringComparison.OrdinalIgnoreCase) && _at < _tokens.Count && _tokens[_at].Quoted)
            return new FilterLiteral(LiteralKind.DateTime, Next().Text);
        return text.ToLowerInvariant() switch
        {
            "true" or "false" => new FilterLiteral(LiteralKind.Boolean, text.ToLowerInvariant()),
            "null" => new FilterLiteral(LiteralKind.Null, text),
            _ when FieldNumber(text) => new FilterLiteral(LiteralKind.Number, text),
            _ when text.Contains('T') && text.Contains('-') => new FilterLiteral(LiteralKind.DateTime, text),
            _ => throw Invalid($"'{text}' is not a literal (strings are quoted: '{text}')"),
        };
    }

    static bool FieldNumber(string text) => State.FieldValues.ParseNumber(text.TrimEnd('m', 'M', 'd', 'D', 'L')) is not null;

    (bool Quoted, string Text) Next() => _at < _tokens.Count ? _tokens[_at++] : throw Invalid("the filter ends too early");

    bool TryWord(string word)
    {
        if (_at >= _tokens.Count || _tokens[_at].Quoted || !_tokens[_at].Text.Equals(word, StringComparison.OrdinalIgnoreCase)) return false;
        _at++;
        return true;
    }

    void Expect(string word)
    {
        if (!TryWord(word)) throw Invalid($"expected '{word}'");
    }

    static List<(bool, string)> Tokenize(string s)
    {
        var tokens = new List<(bool, string)>();
        for (var i = 0; i < s.Length;)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or ')' or ',') { tokens.Add((false, c.ToString())); i++; continue; }
            if (c == '\'')
            {
                var text = new StringBuilder();
                for (i++; ; i++)
                {
                    if (i >= s.Length) throw Invalid("a string literal is not closed");
                    if (s[i] != '\'') { text.Append(s[i]); continue; }
                    if (i + 1 < s.Length && s[i + 1] == '\'') { text.Append('\''); i++; continue; }   // '' is one quote
                    i++;
                    break;
                }
                tokens.Add((true, text.ToString()));
                continue;
            }
            var start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('(' or ')' or ',' or '\'')) i++;
            tokens.Add((false, s[start..i]));
        }
        return tokens;
    }

    static GraphError Invalid(string why) => GraphError.BadRequest($"Invalid filter clause: {why}.");
}
