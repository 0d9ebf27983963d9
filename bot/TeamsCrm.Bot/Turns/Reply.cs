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
    /// <summary>A file the person agreed to receive (the answer to a <see cref="FileOffer"/>): the adapter puts it where Teams said.</summary>
    public FileDelivery? Delivery { get; init; }
    /// <summary>A web page to open in a Teams dialog (the answer to a dialog button, task/fetch).</summary>
    public DialogPage? Dialog { get; init; }
    /// <summary>What a compose-box search shows: results to choose from, the card to insert, or a message instead.</summary>
    public ComposeAnswer? Compose { get; init; }

    public static Reply Text(string text) => new() { Messages = [new OutgoingMessage(text, null)] };
    public static Reply Card(JsonObject card) => new() { Messages = [new OutgoingMessage(null, card)] };
    /// <summary>Replaces the card the action came from (the form becomes its result).</summary>
    public static Reply ReplaceCard(JsonObject card) => new() { Replacement = card };
    public static Reply Search(IReadOnlyList<SearchChoice> choices) => new() { Choices = choices };
    /// <summary>Asks the person whether to receive a file in their 1:1 chat (Teams' file consent card).</summary>
    public static Reply Offer(FileOffer offer) => new() { Messages = [new OutgoingMessage(null, null, Offer: offer)] };
    public static Reply Deliver(FileDelivery delivery) => new() { Delivery = delivery };
    /// <summary>Opens the page in a Teams dialog (only as the answer to a dialog button).</summary>
    public static Reply OpenDialog(DialogPage page) => new() { Dialog = page };
    /// <summary>A compose-box search's results (previews, each choosing an item) or the card to insert.</summary>
    public static Reply ComposeItems(IReadOnlyList<ComposeItem> items) => new() { Compose = new ComposeAnswer(items, null) };
    /// <summary>A compose-box search answered in words (nothing found, not allowed, too long).</summary>
    public static Reply ComposeMessage(string text) => new() { Compose = new ComposeAnswer([], text) };

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

/// <summary>A text, a card or a file offer; each goes out as an activity of its own (clients split text+card otherwise).</summary>
/// <param name="ForEveryone">Made for everyone in the conversation; otherwise for the person who acted only.</param>
public sealed record OutgoingMessage(string? Text, JsonObject? Card, bool ForEveryone = false, FileOffer? Offer = null);

/// <summary>
/// A file the bot offers to put in the person's OneDrive and show in their 1:1 chat. <paramref name="Context"/> comes back
/// with their answer (accepted or declined), to say which file it was.
/// </summary>
public sealed record FileOffer(string Name, long Size, string Description, JsonObject Context)
{
    /// <summary>The verb the person's answer comes back as (its data: accept or decline, the context, where to upload).</summary>
    public const string AnswerVerb = "file.consent";
}

/// <summary>
/// The file the person accepted: <paramref name="Open"/> streams its bytes, <paramref name="Target"/> is where Teams said
/// to put them (the consent answer's uploadInfo: upload address, the file's address and id), read by the adapter only.
/// </summary>
public sealed record FileDelivery(long Size, Func<CancellationToken, Task<Stream>> Open, JsonObject Target);

public sealed record SearchChoice(string Title, string Value);

/// <summary>A web page a Teams dialog shows: its title, its (https, valid-domain) address, and Teams' size names or pixels.</summary>
public sealed record DialogPage(string Title, string Url, string Width = "small", string Height = "medium");

/// <summary>The answer to a compose-box search: items, or a message when <see cref="Message"/> is set.</summary>
public sealed record ComposeAnswer(IReadOnlyList<ComposeItem> Items, string? Message);

/// <summary>
/// One result line (<paramref name="Title"/>, <paramref name="Text"/>) as the searcher sees it in the list; choosing it sends
/// <paramref name="Choose"/> back (composeExtension/selectItem). With <paramref name="Card"/>: the card inserted into the
/// conversation, which its every member may see (the audience rule).
/// </summary>
public sealed record ComposeItem(string Title, string Text, JsonObject? Choose = null, JsonObject? Card = null);

