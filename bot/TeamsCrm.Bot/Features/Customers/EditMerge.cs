using System.Text.Json.Nodes;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// When someone saved the file while the edit card was open: a three-way merge of the values the card was
/// opened with, what the user typed and what is stored now. A field nobody else touched keeps what the user
/// typed; a field changed meanwhile shows the stored value, and is a conflict when the user typed something else too.
/// </summary>
public static class EditMerge
{
    public sealed record Result(IReadOnlyDictionary<string, string?> Values, IReadOnlyList<string> ChangedMeanwhile, IReadOnlyList<string> Conflicts);

    /// <param name="opened">The values the card was opened with (from its data); null for a card that did not carry them.</param>
    public static Result Merge(IReadOnlyList<string> fields, JsonObject? opened,
        IReadOnlyDictionary<string, string?> typed, IReadOnlyDictionary<string, string?> stored)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var changed = new List<string>();
        var conflicts = new List<string>();
        foreach (var id in fields)
        {
            var was = opened?[id] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
            var (mine, now) = (typed.GetValueOrDefault(id), stored.GetValueOrDefault(id));
            if (now == was)
            {
                values[id] = mine;
                continue;
            }
            changed.Add(id);
            values[id] = now;
            if (mine != was && mine != now) conflicts.Add(id);
        }
        return new Result(values, changed, conflicts);
    }
}
