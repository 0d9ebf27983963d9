using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamsCrm.Bot.Tests.Hostile;

/// <summary>
/// JSON text the way an attacker writes it, not the way System.Text.Json would: strings may hold lone surrogates
/// (written as <c>\udXXX</c> escapes), and any value in a well-formed activity can be swapped for a raw fragment.
/// Bodies address the fake connector as <see cref="Connector"/>, replaced by its real address when sent, so a
/// kept regression replays against any run's connector.
/// </summary>
static class HostileJson
{
    public const string Connector = "{{connector}}";

    /// <summary>A JSON string literal; surrogates and control characters escaped as \uXXXX, everything else as is.</summary>
    public static string Str(string s)
    {
        var b = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            if (c == '"') b.Append("\\\"");
            else if (c == '\\') b.Append("\\\\");
            else if (c < 0x20 || char.IsSurrogate(c)) b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else b.Append(c);
        }
        return b.Append('"').ToString();
    }

    public static string Obj(IEnumerable<(string Key, string Value)> members) =>
        "{" + string.Join(",", members.Select(m => Str(m.Key) + ":" + m.Value)) + "}";

    public static string Arr(IEnumerable<string> items) => "[" + string.Join(",", items) + "]";

    /// <summary>
    /// The activity with the value at each path replaced by its fragment (null: removed), in order. Missing or
    /// non-object parents on the way are made objects; a number in a path indexes an existing array. Fragments go in
    /// as text after serialising, so they may be anything — lone surrogate escapes, 80 levels deep — that no JSON
    /// library would write.
    /// </summary>
    public static string Mutate(JsonObject activity, IEnumerable<(string Path, string? Fragment)> mutations)
    {
        var copy = (JsonObject)activity.DeepClone();
        var fragments = new List<string>();
        foreach (var (path, fragment) in mutations)
        {
            var hole = fragment is null ? null : $"@@hostile-{fragments.Count}@@";
            if (fragment is not null) fragments.Add(fragment);
            Set(copy, path.Split('.'), hole);
        }
        var text = copy.ToJsonString();
        for (var i = 0; i < fragments.Count; i++)
            text = text.Replace($"\"@@hostile-{i}@@\"", fragments[i], StringComparison.Ordinal);
        return text;
    }

    static void Set(JsonObject root, string[] keys, string? hole)
    {
        JsonNode parent = root;
        foreach (var key in keys[..^1])
        {
            if (parent is JsonArray array && int.TryParse(key, out var index) && index < array.Count && array[index] is { } item)
            {
                parent = item;
                continue;
            }
            if (parent is not JsonObject o) return;
            if (o[key] is not (JsonObject or JsonArray)) o[key] = new JsonObject();
            parent = o[key]!;
        }
        var last = keys[^1];
        switch (parent)
        {
            case JsonObject o when hole is null: o.Remove(last); break;
            case JsonObject o: o[last] = hole; break;
            case JsonArray a when int.TryParse(last, out var i) && i < a.Count:
                if (hole is null) a.RemoveAt(i);
                else a[i] = hole;
                break;
        }
    }
}
