using System.Text.Json.Nodes;

namespace TeamsCrm.TestSupport;

/// <summary>What a client submits from a card on a button press: every input's id with the value it shows.</summary>
public static class CardInputs
{
    /// <summary>Every input of <paramref name="card"/> (in containers too) with its value; an input without one sends "".</summary>
    public static JsonObject Values(JsonNode card)
    {
        var values = new JsonObject();
        Collect(card, values);
        return values;
    }

    static void Collect(JsonNode? node, JsonObject values)
    {
        switch (node)
        {
            case JsonObject o:
                if (((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && o["id"] is JsonValue id)
                    values[(string)id!] = o["value"]?.DeepClone() ?? "";
                foreach (var (_, child) in o) Collect(child, values);
                break;
            case JsonArray a:
                foreach (var child in a) Collect(child, values);
                break;
        }
    }
}
