using System.Text.Json.Nodes;

namespace TeamsCrm.Bot.Turns;

/// <summary>
/// What a handler answers: new messages (text or cards), a replacement for the card the action came from,
/// or search choices. The Teams adapter decides how each goes out (invoke response or connector call).
/// Everything is made for the person who acted, and in a group chat or channel goes to their 1:1 chat instead,
/// unless the handler says it was made for everyone there (<see cref="ForEveryone"/>): the audience rule
/// (<see cref="Access.Audience"/>), applied to every reply by the adapter.
/// </summary>
public sealed record Reply
{
    public static readonly Reply None = new();

    public IReadOnlyList<OutgoingMessage> Messages { get; init; } = [];
    public JsonObject? Replacement { get; init; }
    /// <summary>The replacement may be seen by everyone in the conversation (an old client's Action.Submit replaces it for all).</summary>
    public bool ReplacementForEveryone { get; init; }
    public IReadOnlyList<SearchChoice>? Choices { get; init; }

    public static Reply Text(string text) => new() { Messages = [new OutgoingMessage(text, null)] };
    public static Reply Card(JsonObject card) => new() { Messages = [new OutgoingMessage(null, card)] };
    /// <summary>Replaces the card the action came from (the form becomes its result).</summary>
    public static Reply ReplaceCard(JsonObject card) => new() { Replacement = card };
    public static Reply Search(IReadOnlyList<SearchChoice> choices) => new() { Choices = choices };

    public Reply ThenText(string text) => this with { Messages = [.. Messages, new OutgoingMessage(text, null)] };
    public Reply ThenCard(JsonObject card) => this with { Messages = [.. Messages, new OutgoingMessage(null, card)] };

    /// <summary>
    /// Everything in the reply so far holds nothing the least-privileged member of the conversation may not see (help,
    /// a card built for the conversation's <see cref="Access.Audience"/>): it may be posted where everyone reads it.
    /// </summary>
    public Reply ForEveryone() => this with
    {
        Messages = [.. Messages.Select(m => m with { ForEveryone = true })],
        ReplacementForEveryone = Replacement is not null,
    };
}

/// <summary>A text or a card; each goes out as an activity of its own (clients split text+card otherwise).</summary>
/// <param name="ForEveryone">Made for everyone in the conversation; otherwise for the person who acted only.</param>
public sealed record OutgoingMessage(string? Text, JsonObject? Card, bool ForEveryone = false);

public sealed record SearchChoice(string Title, string Value);
