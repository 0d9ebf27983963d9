using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Connector;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// Sends a <see cref="Reply"/> the way Teams expects it: for an invoke, the replacement card or a message
/// is the HTTP answer; everything else goes through the connector, each text or card in an activity of its own.
/// </summary>
public sealed partial class ReplySender(ConnectorClient connector, ConversationRecorder recorder, ILogger<ReplySender> log)
{
    const string CardType = "application/vnd.microsoft.card.adaptive";
    const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>A message turn (typed text or Action.Submit): replies in the thread, replacement via update.</summary>
    public async Task SendAsync(Activity incoming, Reply reply, CancellationToken ct)
    {
        var messages = reply.Messages;
        if (reply.Replacement is { } card)
        {
            if (incoming.ReplyToId is { } cardId)
            {
                if (!await Guarded(incoming, () => connector.UpdateAsync(incoming.ServiceUrl!, incoming.Conversation!.Id!, cardId, CardActivity(incoming, card, cardId), ct), ct))
                    return;
            }
            else
                messages = [new OutgoingMessage(null, card), .. messages];   // no card to replace: show it as a new one
        }
        await PostAsync(incoming, messages, asReply: true, ct);
    }

    /// <summary>An event turn (installation): new messages in the conversation, not replies to anything.</summary>
    public Task SendNewAsync(Activity incoming, Reply reply, CancellationToken ct) => PostAsync(incoming, reply.Messages, asReply: false, ct);

    /// <summary>adaptiveCard/action: the answer is the invoke response; extra messages go through the connector.</summary>
    public async Task<InvokeResponse> AnswerCardActionAsync(Activity incoming, Reply reply, CancellationToken ct)
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
        await PostAsync(incoming, messages, asReply: true, ct);
        return new InvokeResponse(200, body);
    }

    public static InvokeResponse AnswerSearch(Reply reply) => new(200, new JsonObject
    {
        ["type"] = "application/vnd.microsoft.search.searchResponse",
        ["value"] = new JsonObject
        {
            ["results"] = new JsonArray((reply.Choices ?? []).Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray()),
        },
    });

    /// <summary>An invoke the app cannot act on (no person behind it): the message is shown on the card. HTTP 200, never a
    /// 5xx: the request was delivered and answered; Teams shows the text instead of a failed action.</summary>
    public static InvokeResponse AnswerError(string message) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = MessageType,
        ["value"] = message,
    });

    async Task PostAsync(Activity incoming, IReadOnlyList<OutgoingMessage> messages, bool asReply, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            var activity = incoming.CreateReply();
            if (!asReply) activity.ReplyToId = null;
            if (message.Card is { } card) activity.Attachments = [Attachment.AdaptiveCard(card)];
            else activity.Text = message.Text;
            var (url, conversation) = (incoming.ServiceUrl!, incoming.Conversation!.Id!);
            var sent = await Guarded(incoming, () => asReply && incoming.Id is { } replyTo
                ? connector.ReplyAsync(url, conversation, replyTo, activity, ct)
                : connector.SendAsync(url, conversation, activity, ct), ct);
            if (!sent) return;
        }
    }

    static Activity CardActivity(Activity incoming, JsonObject card, string id)
    {
        var activity = incoming.CreateReply();
        activity.Id = id;
        activity.ReplyToId = null;
        activity.Attachments = [Attachment.AdaptiveCard(card)];
        return activity;
    }

    /// <summary>False when the user has blocked the bot: the conversation is marked and nothing more is sent.</summary>
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
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} blocked the bot (MessageWritesBlocked); no more messages go there")]
    static partial void LogBlocked(ILogger logger, string conversationId);
}
