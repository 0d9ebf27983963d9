using System.Text.Json.Nodes;

namespace TeamsCrm.E2E.Tests;

/// <summary>Reads an Adaptive Card's JSON the way a person reads the card: its title, its facts, its buttons.</summary>
public static class AdaptiveCardJson
{
    /// <summary>The first TextBlock: every TeamsCrm card starts with its title.</summary>
    public static string? Title(JsonNode card) =>
        (string?)card["body"]?.AsArray().FirstOrDefault(e => (string?)e?["type"] == "TextBlock")?["text"];

    /// <summary>All FactSet entries, title → value.</summary>
    public static IReadOnlyDictionary<string, string> Facts(JsonNode card) =>
        (card["body"]?.AsArray() ?? [])
            .Where(e => (string?)e?["type"] == "FactSet")
            .SelectMany(e => e!["facts"]!.AsArray())
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);

    /// <summary>The button labelled <paramref name="title"/>; fails listing the buttons there are.</summary>
    public static CardButton Button(JsonNode card, string title)
    {
        var actions = card["actions"]?.AsArray() ?? [];
        var action = actions.FirstOrDefault(a => (string?)a?["title"] == title)
            ?? throw new InvalidOperationException($"No button \"{title}\" on the card; it has: {string.Join(", ", actions.Select(a => (string?)a?["title"]))}.");
        return new CardButton(
            (string?)action["type"] ?? "",
            (string?)action["verb"] ?? "",
            action["data"] as JsonObject ?? [],
            // A Teams client without Universal Actions falls back to this Action.Submit: its data carries the verb.
            action["fallback"]?["data"] as JsonObject ?? []);
    }
}

/// <summary>An Action.Execute button and the data of its Action.Submit fallback.</summary>
public sealed record CardButton(string Type, string Verb, JsonObject Data, JsonObject SubmitData);
