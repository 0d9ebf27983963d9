using System.Globalization;
using System.Text.Json.Nodes;

namespace TeamsCrm.Bot.Turns;

/// <summary>
/// One thing a person did in Teams, in the app's own terms: who (the authenticated user), where, in which
/// language and time zone, and what (text, or a card verb with its data). Features see only this.
/// </summary>
public sealed record Turn
{
    public required TurnUser User { get; init; }
    public required string TenantId { get; init; }
    public required ConversationRef Conversation { get; init; }
    public required CultureInfo Culture { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }
    public required TurnKind Kind { get; init; }
    /// <summary>The message text with @mentions of the bot removed (Kind = Message).</summary>
    public string Text { get; init; } = "";
    /// <summary>The card action's verb (Kind = CardAction) or the search dataset (Kind = Search).</summary>
    public string? Verb { get; init; }
    /// <summary>The card action's data with the card's inputs, or the search query's text and options.</summary>
    public JsonObject Data { get; init; } = [];
    /// <summary>Id of the card message an action came from (so it can be replaced).</summary>
    public string? CardActivityId { get; init; }
    /// <summary>Files that came with the message (Kind = Message); empty for most turns.</summary>
    public IReadOnlyList<IncomingFile> Files { get; init; } = [];

    public string? DataString(string name) => Data[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

public enum TurnKind
{
    Message,
    CardAction,
    Search,
    /// <summary>The app was added to a personal chat, group chat or team.</summary>
    Installed,
    /// <summary>
    /// A message extension's search from the compose box: <see cref="Turn.Verb"/> is the command id (or
    /// <see cref="ComposeVerbs.SelectItem"/> for a result chosen), <see cref="Turn.Data"/> the query or the chosen item.
    /// </summary>
    Compose,
}

public static class ComposeVerbs
{
    public const string SelectItem = "composeExtension/selectItem";
    /// <summary>A link on the app's domain pasted into a compose box: <see cref="Turn.Data"/> has its <c>url</c>.</summary>
    public const string QueryLink = "composeExtension/queryLink";
}

/// <summary>The authenticated sender: Entra object id (for every decision), the per-bot "29:" id (for messages), display name.</summary>
public sealed record TurnUser(string AadObjectId, string TeamsId, string Name);
