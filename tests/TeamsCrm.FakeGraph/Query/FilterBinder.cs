using TeamsCrm.FakeGraph.Protocol;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Query;

/// <summary>One top-level "and" term of a filter, as the index planner sees it.</summary>
/// <param name="Column">The one column the term tests, or null for a parenthesised "or".</param>
/// <param name="Seekable">Whether an index on the column can find the matches (eq, lt, gt, le, ge, startswith; not ne).</param>
/// <param name="EqualTo">For "eq" on one column, the value typed as the column's: an index finds its items directly.</param>
/// <param name="Prefix">For "startswith" on one column, the prefix: an index finds its items as a range of its keys.</param>
public sealed record Conjunct(FakeColumn? Column, bool Seekable, Func<FakeItem, bool> Matches, object? EqualTo = null, string? Prefix = null);

/// <summary>A filter bound to a list's columns: literals typed, columns resolved, ready to run.</summary>
public sealed record BoundFilter(Func<FakeItem, bool> Matches, IReadOnlyList<FakeColumn> Columns, IReadOnlyList<Conjunct> Conjuncts);

public static class FilterBinder
{
    public static BoundFilter Bind(FilterNode node, IReadOnlyList<FakeColumn> columns)
    {
        var used = new List<FakeColumn>();
        var conjuncts = new List<Conjunct>();
        foreach (var term in Terms(node))
        {
            var before = used.Count;
            var matches = Compile(term, columns, used);
            var single = used.Skip(before).Distinct().ToList();
            var seekable = term switch
            {
                CompareNode c => c.Op != "ne" && c.Value.Kind != LiteralKind.Null,
                StartsWithNode => true,
                _ => false,
            };
            var column = single.Count == 1 && term is not OrNode ? single[0] : null;
            var equalTo = column is not null && term is CompareNode { Op: "eq" } eq && eq.Value.Kind != LiteralKind.Null ? Typed(column, eq.Value) : null;
            var prefix = column is not null && term is StartsWithNode sw ? sw.Prefix.Text : null;
            conjuncts.Add(new Conjunct(column, seekable, matches, equalTo, prefix));
        }
        var all = conjuncts.Select(c => c.Matches).ToArray();
        return new BoundFilter(item => all.All(m => m(item)), used.Distinct().ToList(), conjuncts);
    }

    static IEnumerable<FilterNode> Terms(FilterNode node) =>
        node is AndNode and ? Terms(and.Left).Concat(Terms(and.Right)) : [node];

    static Func<FakeItem, bool> Compile(FilterNode node, IReadOnlyList<FakeColumn> columns, List<FakeColumn> used)
    {
        switch (node)
        {
            case AndNode and:
            {
                var (l, r) = (Compile(and.Left, columns, used), Compile(and.Right, columns, used));
                return item => l(item) && r(item);
            }
            case OrNode or:
            {
                var (l, r) = (Compile(or.Left, columns, used), Compile(or.Right, columns, used));
                return item => l(item) || r(item);
            }
            case StartsWithNode sw:
            {
                var column = Resolve(sw.Field, columns, used);
                if (column.Type is not (ColumnType.Text or ColumnType.Choice))
                    throw GraphError.BadRequest($"Invalid filter clause: startswith needs a text field, and '{sw.Field}' is {column.Type}.");
                var prefix = sw.Prefix.Text;
                return item => item.ValueOf(column) is string s && s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
            }
            case CompareNode c:
            {
                var column = Resolve(c.Field, columns, used);
                var value = Typed(column, c.Value);
                return c.Op switch
                {
                    "eq" => item => FieldValues.Compare(item.ValueOf(column), value) == 0,
                    "ne" => item => FieldValues.Compare(item.ValueOf(column), value) != 0,
                    // Ordering comparisons never match an empty value, as in SQL.
                    "lt" => item => item.ValueOf(column) is { } v && value is not null && FieldValues.Compare(v, value) < 0,
                    "le" => item => item.ValueOf(column) is { } v && value is not null && FieldValues.Compare(v, value) <= 0,
                    "gt" => item => item.ValueOf(column) is { } v && value is not null && FieldValues.Compare(v, value) > 0,
                    _ => item => item.ValueOf(column) is { } v && value is not null && FieldValues.Compare(v, value) >= 0,
                };
            }
            default:
                throw GraphError.BadRequest("Invalid filter clause.");
        }
    }

    /// <summary>fields/X names a column by its field key (CustomerLookupId for a lookup); id and ID name the item id.</summary>
    public static FakeColumn Resolve(string field, IReadOnlyList<FakeColumn> columns, List<FakeColumn>? used = null)
    {
        var column = columns.FirstOrDefault(c => c.FieldKey == field)
            ?? (field is "id" or "Id" ? columns.First(c => c.Type == ColumnType.Counter) : null)
            ?? throw GraphError.BadRequest($"Field '{field}' is not recognized");
        used?.Add(column);
        return column;
    }

    /// <summary>Gives a literal the column's type: '2024-05-01' is a date for a dateTime column, '12' a number for a number.</summary>
    public static object? Typed(FakeColumn column, FilterLiteral literal)
    {
        if (literal.Kind == LiteralKind.Null) return null;
        object? value = column.Type switch
        {
            ColumnType.Text or ColumnType.Choice => literal.Text,
            ColumnType.Boolean => FieldValues.ParseBoolean(literal.Text),
            ColumnType.DateTime => FieldValues.ParseDate(literal.Text),
            _ => FieldValues.ParseNumber(literal.Text.TrimEnd('m', 'M', 'd', 'D', 'L')),
        };
        return value ?? throw GraphError.BadRequest(
            $"Invalid filter clause: '{literal.Text}' cannot be compared with field '{column.Name}' ({column.Type}).");
    }
}
