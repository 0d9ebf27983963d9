using System.Text.Json.Nodes;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>
/// Teams @mentions inside an Adaptive Card: the text carries "&lt;at&gt;Name&lt;/at&gt;" and the card's msteams.entities a
/// mention entity whose text is exactly the same, naming the person by their "29:" id or, when the bot has none for
/// them, their Entra object id (Teams accepts both in cards).
/// </summary>
public sealed record Mentioned(string Name, string Id);

public static class Mentions
{
    public static string Text(IEnumerable<Mentioned> people) => string.Join(", ", people.Select(p => $"<at>{p.Name}</at>"));

    /// <summary>Adds the entities of <paramref name="people"/> to a built card.</summary>
    public static JsonObject With(JsonObject card, IReadOnlyCollection<Mentioned> people)
    {
        if (people.Count == 0) return card;
        card["msteams"] = new JsonObject
        {
            ["entities"] = new JsonArray(people.Select(p => (JsonNode)new JsonObject
            {
                ["type"] = "mention", ["text"] = $"<at>{p.Name}</at>", ["mentioned"] = new JsonObject { ["id"] = p.Id, ["name"] = p.Name },
            }).ToArray()),
        };
        return card;
    }
}
