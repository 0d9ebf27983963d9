using System.Text;
using System.Text.Json;

namespace TeamsCrm.Bot.Tests.Hostile;

/// <summary>
/// Makes a failing body as small as it can while it still fails: removes members and elements, empties containers and
/// halves long strings, greedily, keeping every change after which the body still fails. Strings are handled as their
/// raw JSON text, so lone surrogate escapes survive. A body that is not JSON is kept as it is.
/// </summary>
static class JsonShrinker
{
    abstract record Node;
    sealed record Leaf(string Raw) : Node;
    sealed record Obj(IReadOnlyList<(string Key, Node Value)> Members) : Node;
    sealed record Arr(IReadOnlyList<Node> Items) : Node;

    public static async Task<byte[]> ShrinkAsync(byte[] body, Func<byte[], Task<bool>> fails, int budget = 300)
    {
        Node root;
        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 200 });
            root = Read(doc.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { return body; }
        var best = body;
        for (var improved = true; improved && budget > 0;)
        {
            improved = false;
            foreach (var candidate in Smaller(root))
            {
                if (--budget < 0) break;
                var bytes = Encoding.UTF8.GetBytes(Render(candidate));
                if (bytes.Length >= best.Length || !await fails(bytes)) continue;
                (root, best, improved) = (candidate, bytes, true);
                break;
            }
        }
        return best;
    }

    /// <summary>Names are re-written from their decoded text (a name that cannot be decoded makes the body unshrinkable).</summary>
    static Node Read(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => new Obj([.. e.EnumerateObject().Select(p => (HostileJson.Str(p.Name), Read(p.Value)))]),
        JsonValueKind.Array => new Arr([.. e.EnumerateArray().Select(Read)]),
        _ => new Leaf(e.GetRawText()),
    };

    /// <summary>Candidates, biggest cuts first: drop a member or element (or half of a long array), empty a container, recurse, halve a string.</summary>
    static IEnumerable<Node> Smaller(Node node)
    {
        switch (node)
        {
            case Obj o:
                if (o.Members.Count > 0) yield return new Obj([]);
                for (var i = 0; i < o.Members.Count; i++) yield return new Obj([.. o.Members.Take(i), .. o.Members.Skip(i + 1)]);
                for (var i = 0; i < o.Members.Count; i++)
                    foreach (var child in Smaller(o.Members[i].Value))
                        yield return new Obj([.. o.Members.Take(i), (o.Members[i].Key, child), .. o.Members.Skip(i + 1)]);
                break;
            case Arr a:
                if (a.Items.Count > 0) yield return new Arr([]);
                if (a.Items.Count > 3)
                {
                    yield return new Arr([.. a.Items.Take(a.Items.Count / 2)]);
                    yield return new Arr([.. a.Items.Skip(a.Items.Count / 2)]);
                }
                if (a.Items.Count <= 20)
                {
                    for (var i = 0; i < a.Items.Count; i++) yield return new Arr([.. a.Items.Take(i), .. a.Items.Skip(i + 1)]);
                    for (var i = 0; i < a.Items.Count; i++)
                        foreach (var child in Smaller(a.Items[i]))
                            yield return new Arr([.. a.Items.Take(i), child, .. a.Items.Skip(i + 1)]);
                }
                else if (a.Items.Count > 0)
                    foreach (var child in Smaller(a.Items[0]))
                        yield return new Arr([child, .. a.Items.Skip(1)]);
                break;
            case Leaf { Raw: ['"', .., '"'] } s when s.Raw.Length > 8:
                var units = Units(s.Raw[1..^1]);
                yield return new Leaf("\"" + string.Concat(units.Take(units.Count / 2)) + "\"");
                break;
        }
    }

    /// <summary>A string literal's content cut into characters and whole escapes, so that halving never splits "\ud800".</summary>
    static List<string> Units(string content)
    {
        var units = new List<string>();
        for (var i = 0; i < content.Length;)
        {
            var length = content[i] != '\\' ? 1 : i + 1 < content.Length && content[i + 1] == 'u' ? 6 : 2;
            length = Math.Min(length, content.Length - i);
            units.Add(content.Substring(i, length));
            i += length;
        }
        return units;
    }

    static string Render(Node node) => node switch
    {
        Leaf l => l.Raw,
        Obj o => "{" + string.Join(",", o.Members.Select(m => m.Key + ":" + Render(m.Value))) + "}",
        Arr a => "[" + string.Join(",", a.Items.Select(Render)) + "]",
        _ => "",
    };
}
