using System.Text.Json.Nodes;

namespace TeamsCrm.Bot.Turns;

/// <summary>
/// What a handler answers: new messages (text or cards), a replacement for the card the action came from,
/// or search choices. The Teams adapter decides how each goes out (invoke response or connector call).
/// </summary>
public sealed record Reply
{
    public static readonly Reply None = new();

    public IReadOnlyList<OutgoingMessage> Messages { get; init; } = [];
    public JsonObject? Replacement { get; init; }
    public IReadOnlyList<SearchChoice>? Choices { get; init; }

    public static Reply Text(string text) => new() { Messages = [new OutgoingMessage(text, null)] };
    public static Reply Card(JsonObject card) => new() { Messages = [new OutgoingMessage(null, card)] };
    /// <summary>Replaces the card the action came from (the form becomes its result).</summary>
    public static Reply ReplaceCard(JsonObject card) => new() { Replacement = card };
    public static Reply Search(IReadOnlyList<SearchChoice> choices) => new() { Choices = choices };

    public Reply ThenText(string text) => this with { Messages = [.. Messages, new OutgoingMessage(text, null)] };
    public Reply ThenCard(JsonObject card) => this with { Messages = [.. Messages, new OutgoingMessage(null, card)] };
}

/// <summary>A text or a card; each goes out as an activity of its own (clients split text+card otherwise).</summary>
public sealed record OutgoingMessage(string? Text, JsonObject? Card);

public sealed record SearchChoice(string Title, string Value);
