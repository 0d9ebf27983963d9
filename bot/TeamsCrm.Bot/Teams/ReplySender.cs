using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Connector;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// Sends a <see cref="Reply"/> the way Teams expects it: for an invoke, the replacement card or a message
/// is the HTTP answer; everything else goes through the connector, each text or card in an activity of its own.
/// In a group chat or channel, what was made for the person who acted only (see <see cref="ReplyAudience"/>) goes to
/// their 1:1 chat, and the conversation gets a short note saying so.
/// </summary>
public sealed partial class ReplySender(ConnectorClient connector, ConversationRecorder recorder, IChannelMessenger messenger, ICrmArchive archive,
    FileTransfers transfers, ILogger<ReplySender> log)
{
    const string CardType = "application/vnd.microsoft.card.adaptive";
    /// <summary>A compose-box result's line in the list: Teams shows its title and text.</summary>
    const string ThumbnailType = "application/vnd.microsoft.card.thumbnail";
    const string MessageType = "application/vnd.microsoft.activity.message";
    const string FileConsentType = "application/vnd.microsoft.teams.card.file.consent";
    const string FileInfoType = "application/vnd.microsoft.teams.card.file.info";

    /// <summary>A message turn (typed text or Action.Submit): replies in the thread, replacement via update.</summary>
    public async Task SendAsync(Activity incoming, Turn turn, Reply reply, CancellationToken ct)
    {
        var (here, mine) = ReplyAudience.Split(turn.Conversation.Kind, reply.Messages);
        if (reply.Replacement is { } card)
        {
            // An update of a posted card is seen by everyone in the conversation, not only by the person who pressed.
            if (!ReplyAudience.MayShowHere(turn.Conversation.Kind, reply.ReplacementForEveryone))
                mine = [new OutgoingMessage(null, card), .. mine];
            else if (incoming.ReplyToId is { } cardId)
            {
                if (!await Guarded(incoming, () => connector.UpdateAsync(incoming.ServiceUrl!, incoming.Conversation!.Id!, cardId, CardActivity(incoming, card, cardId), ct), ct))
                    return;
            }
            else
                here = [new OutgoingMessage(null, card, ForEveryone: true), .. here];   // no card to replace: show it as a new one
        }
        if (!await PostAsync(incoming, here, asReply: true, ct) || mine.Count == 0) return;
        var reached = await SendPrivatelyAsync(turn, mine, ct);
        var note = incoming.CreateReply();
        note.Text = NoteText(turn, reached, MentionText(turn.User));
        note.Entities = [Mention(turn.User)];
        await Guarded(incoming, () => incoming.Id is { } replyTo
            ? connector.ReplyAsync(incoming.ServiceUrl!, incoming.Conversation!.Id!, replyTo, note, ct)
            : connector.SendAsync(incoming.ServiceUrl!, incoming.Conversation!.Id!, note, ct), ct);
    }

    /// <summary>An event turn (installation): new messages in the conversation, not replies to anything; nobody asked, so only what is for everyone.</summary>
    public async Task SendNewAsync(Activity incoming, ConversationKind kind, Reply reply, CancellationToken ct)
    {
        var (here, mine) = ReplyAudience.Split(kind, reply.Messages);
        if (mine.Count > 0) LogDropped(log, mine.Count, incoming.Conversation?.Id);
        await PostAsync(incoming, here, asReply: false, ct);
    }

    /// <summary>
    /// adaptiveCard/action: the answer is the invoke response, which Teams shows to the person who pressed alone (a
    /// replacement card is replaced for them only); extra messages go through the connector, or to their 1:1 chat.
    /// </summary>
    public async Task<InvokeResponse> AnswerCardActionAsync(Activity incoming, Turn turn, Reply reply, CancellationToken ct)
    {
        var messages = reply.Messages;
        JsonObject body;
        if (reply.Replacement is { } card)
            body = new JsonObject { ["statusCode"] = 200, ["type"] = CardType, ["value"] = card };
        else if (messages is [{ Text: { } only, Card: null }, ..])
        {
            body = new JsonObject { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = only };
            messages = messages.Skip(1).ToList();
        }
        else
            body = new JsonObject { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = "" };
        var (here, mine) = ReplyAudience.Split(turn.Conversation.Kind, messages);
        await PostAsync(incoming, here, asReply: true, ct);
        if (mine.Count > 0)
        {
            var reached = await SendPrivatelyAsync(turn, mine, ct);
            // The invoke's own answer is seen by the person who pressed alone: a short note, no @mention.
            if (reply.Replacement is null && (string?)body["value"] is "")
                body["value"] = T.Get(turn.Culture, reached ? "audience.sentToYou" : "audience.notReachedYou");
        }
        return new InvokeResponse(200, body);
    }

    /// <summary>To the person's 1:1 chat (started when the bot has none with them yet); false when it cannot be reached.</summary>
    async Task<bool> SendPrivatelyAsync(Turn turn, IReadOnlyList<OutgoingMessage> messages, CancellationToken ct)
    {
        // Recorded at the start of this turn; the fallback is only for a store that could not be read back.
        var user = await archive.Conversations.FindUserAsync(turn.User.AadObjectId, ct)
            ?? new UserRef(turn.User.AadObjectId, turn.User.TeamsId, turn.User.Name, turn.TenantId, turn.Conversation.ServiceUrl, null, turn.Culture.Name);
        foreach (var message in messages)
        {
            var sent = message.Card is { } card
                ? await messenger.SendCardAsync(user, card, ct) is not null
                : await messenger.SendTextAsync(user, message.Text ?? "", ct);
            if (!sent) return false;
        }
        return true;
    }

    static string NoteText(Turn turn, bool reached, string mention) => T.Get(turn.Culture, reached ? "audience.sentPrivately" : "audience.notReached", mention);

    static string MentionText(TurnUser who) => $"<at>{who.Name}</at>";

    /// <summary>
    /// fileConsent/invoke: the person accepted (or declined) a file. The bytes go to the upload address Teams gave (its
    /// OneDrive upload session), then a file card shows the file in the chat; the invoke is answered 200 with no body.
    /// </summary>
    public async Task<InvokeResponse> AnswerFileConsentAsync(Activity incoming, Turn turn, Reply reply, CancellationToken ct)
    {
        var messages = reply.Messages;
        if (reply.Delivery is { } delivery)
        {
            var target = delivery.Target;
            if (Uri.TryCreate((string?)Text(target, "uploadUrl"), UriKind.Absolute, out var uploadUrl))
            {
                try
                {
                    await using (var content = await delivery.Open(ct)) await transfers.UploadAsync(uploadUrl, content, delivery.Size, ct);
                    var shown = incoming.CreateReply();
                    shown.ReplyToId = null;
                    shown.Attachments = [FileInfoCard(target)];
                    if (!await Guarded(incoming, () => connector.SendAsync(incoming.ServiceUrl!, incoming.Conversation!.Id!, shown, ct), ct))
                        return new InvokeResponse(200, null);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or KeyNotFoundException)
                {
                    LogUploadFailed(log, e.GetType().Name);
                    messages = [new OutgoingMessage(T.Get(turn.Culture, "documents.uploadFailed"), null), .. messages];
                }
            }
        }
        await PostAsync(incoming, messages, asReply: false, ct);
        return new InvokeResponse(200, null);
    }

    /// <summary>Teams' file consent card: the name, size and a line saying what it is; the context comes back with the answer.</summary>
    static Attachment ConsentCard(FileOffer offer) => new()
    {
        ContentType = FileConsentType,
        Name = offer.Name,
        Content = new JsonObject
        {
            ["description"] = offer.Description, ["sizeInBytes"] = offer.Size,
            ["acceptContext"] = offer.Context.DeepClone(), ["declineContext"] = offer.Context.DeepClone(),
        },
    };

    /// <summary>The file card that shows a file now in the person's OneDrive: its address, name, id and type, as Teams gave them.</summary>
    static Attachment FileInfoCard(JsonObject target) => new()
    {
        ContentType = FileInfoType,
        ContentUrl = Text(target, "contentUrl"),
        Name = Text(target, "name"),
        Content = new JsonObject { ["uniqueId"] = Text(target, "uniqueId"), ["fileType"] = Text(target, "fileType") },
    };

    static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static InvokeResponse AnswerSearch(Reply reply) => new(200, new JsonObject
    {
        ["type"] = "application/vnd.microsoft.search.searchResponse",
        ["value"] = new JsonObject
        {
            ["results"] = new JsonArray((reply.Choices ?? []).Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray()),
        },
    });

    /// <summary>
    /// composeExtension/query and selectItem: a list of results (each a thumbnail preview whose tap chooses it, and the card to
    /// insert when there is one), or a message instead. Shown to the searcher alone until they insert a card.
    /// </summary>
    public static InvokeResponse AnswerCompose(Reply? reply, System.Globalization.CultureInfo culture)
    {
        var answer = reply?.Compose ?? new ComposeAnswer([], T.Get(culture, "error.generic"));
        if (answer.Message is { } text)
            return new(200, new JsonObject { ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text } });
        static JsonObject Preview(ComposeItem item)
        {
            var content = new JsonObject { ["title"] = item.Title, ["text"] = item.Text };
            if (item.Choose is { } value) content["tap"] = new JsonObject { ["type"] = "invoke", ["value"] = value.DeepClone() };
            return new JsonObject { ["contentType"] = ThumbnailType, ["content"] = content };
        }
        var attachments = answer.Items.Select(item =>
        {
            var attachment = item.Card is { } card
                ? new JsonObject { ["contentType"] = CardType, ["content"] = card.DeepClone() }
                : Preview(item);
            attachment["preview"] = Preview(item);
            return (JsonNode)attachment;
        }).ToArray();
        return new(200, new JsonObject
        {
            ["composeExtension"] = new JsonObject { ["type"] = "result", ["attachmentLayout"] = "list", ["attachments"] = new JsonArray(attachments) },
        });
    }

    /// <summary>
    /// composeExtension/fetchTask and submitAction (a message action's dialog, seen by the one who chose the action alone): the
    /// card the handler answered with, shown in the dialog — its buttons as Action.Submit, which is what a dialog's card sends
    /// back (submitAction) — or its text as the dialog's message, or nothing (the dialog closes).
    /// </summary>
    public static InvokeResponse AnswerMessageAction(Reply? reply, System.Globalization.CultureInfo culture)
    {
        var card = reply?.Replacement ?? reply?.Messages.FirstOrDefault(m => m.Card is not null)?.Card;
        return card is not null
            ? DialogContinues(new JsonObject
            {
                ["title"] = "TeamsCrm", ["width"] = "medium", ["height"] = "large",
                ["card"] = new JsonObject { ["contentType"] = CardType, ["content"] = Card.ForDialog(card) },
            })
            : DialogSays(reply, culture);
    }

    /// <summary>
    /// task/fetch and task/submit: the dialog to open (the page at its address), or a message in the dialog, or nothing (it
    /// closes). A dialog's answer is shown to the person who pressed alone, like a card action's.
    /// </summary>
    public static InvokeResponse AnswerDialog(Reply? reply, System.Globalization.CultureInfo culture) =>
        reply?.Dialog is { } page
            ? DialogContinues(new JsonObject
            {
                ["title"] = page.Title, ["url"] = page.Url, ["fallbackUrl"] = page.Url, ["width"] = page.Width, ["height"] = page.Height,
            })
            : DialogSays(reply, culture);

    /// <summary>A dialog (task module) that opens, or goes on, with <paramref name="value"/>: a page's address or a card.</summary>
    static InvokeResponse DialogContinues(JsonObject value) =>
        new(200, new JsonObject { ["task"] = new JsonObject { ["type"] = "continue", ["value"] = value } });

    /// <summary>The reply's first text as the dialog's message; nothing (the dialog closes) when it has none; no reply: the error.</summary>
    static InvokeResponse DialogSays(Reply? reply, System.Globalization.CultureInfo culture)
    {
        var text = reply is null ? T.Get(culture, "error.generic") : reply.Messages.Select(m => m.Text).FirstOrDefault(t => t is not null);
        return text is null ? new InvokeResponse(200, null)
            : new(200, new JsonObject { ["task"] = new JsonObject { ["type"] = "message", ["value"] = text } });
    }

    /// <summary>An invoke the app cannot act on (no person behind it): the message is shown on the card. HTTP 200, never a
    /// 5xx: the request was delivered and answered; Teams shows the text instead of a failed action.</summary>
    public static InvokeResponse AnswerError(string message) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = MessageType,
        ["value"] = message,
    });

    /// <returns>False when the conversation blocked the bot: nothing more goes there.</returns>
    async Task<bool> PostAsync(Activity incoming, IReadOnlyList<OutgoingMessage> messages, bool asReply, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            var activity = incoming.CreateReply();
            if (!asReply) activity.ReplyToId = null;
            if (message.Card is { } card) activity.Attachments = [Attachment.AdaptiveCard(card)];
            else if (message.Offer is { } offer) activity.Attachments = [ConsentCard(offer)];
            else activity.Text = message.Text;
            var (url, conversation) = (incoming.ServiceUrl!, incoming.Conversation!.Id!);
            var sent = await Guarded(incoming, () => asReply && incoming.Id is { } replyTo
                ? connector.ReplyAsync(url, conversation, replyTo, activity, ct)
                : connector.SendAsync(url, conversation, activity, ct), ct);
            if (!sent) return false;
        }
        return true;
    }

    /// <summary>A Teams @mention: the text holds "&lt;at&gt;Name&lt;/at&gt;" and the entity names the same text and the person's "29:" id.</summary>
    static Entity Mention(TurnUser who) => new()
    {
        Type = "mention",
        Extra = new Dictionary<string, JsonElement>
        {
            ["text"] = JsonSerializer.SerializeToElement(MentionText(who)),
            ["mentioned"] = JsonSerializer.SerializeToElement(new JsonObject { ["id"] = who.TeamsId, ["name"] = who.Name }),
        },
    };

    static Activity CardActivity(Activity incoming, JsonObject card, string id)
    {
        var activity = incoming.CreateReply();
        activity.Id = id;
        activity.ReplyToId = null;
        activity.Attachments = [Attachment.AdaptiveCard(card)];
        return activity;
    }

    /// <summary>
    /// False when nothing more may go there: the user blocked the bot (the conversation is marked), the conversation is
    /// gone (404), or the connector refused the reply itself (another 4xx: sending it again would be refused again, so the
    /// turn ends here rather than failing into a redelivery that meets the same answer). A 5xx or an exhausted 429 still
    /// fails the turn, so that the connector redelivers it.
    /// </summary>
    async Task<bool> Guarded(Activity incoming, Func<Task<ResourceResponse>> send, CancellationToken ct)
    {
        try
        {
            await send();
            return true;
        }
        catch (MessageWritesBlockedException)
        {
            LogBlocked(log, incoming.Conversation!.Id!);
            await recorder.MarkBlockedAsync(incoming.Conversation!.Id!, ct);
            return false;
        }
        catch (ConnectorException e) when ((int)e.Status is >= 400 and < 500 and not 429 and not 412)
        {
            LogRefused(log, (int)e.Status, e.Code, incoming.Conversation!.Id!);
            if (e.Status == System.Net.HttpStatusCode.NotFound) await recorder.MarkRemovedAsync(incoming.Conversation!.Id!, ct);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A file the person accepted could not be uploaded to their OneDrive ({Error}); they are told")]
    static partial void LogUploadFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connector refused a reply with {Status} {Code} in {ConversationId}; the turn ends without it")]
    static partial void LogRefused(ILogger logger, int status, string? code, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} blocked the bot (MessageWritesBlocked); no more messages go there")]
    static partial void LogBlocked(ILogger logger, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} message(s) made for one person were not posted in shared conversation {ConversationId}, where nobody asked")]
    static partial void LogDropped(ILogger logger, int count, string? conversationId);
}
