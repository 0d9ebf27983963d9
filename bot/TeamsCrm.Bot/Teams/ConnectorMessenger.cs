using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Auth;
using TeamsCrm.BotFramework.Connector;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// <see cref="IChannelMessenger"/> through the Bot Connector: a 1:1 chat is the stored personal conversation,
/// or one created with POST /v3/conversations (and stored); 403 MessageWritesBlocked marks the conversation and
/// stops further sends there, and so does 404 (the conversation is gone). Every send waits for its turn within Teams'
/// rate limits (<see cref="ISendBudget"/>).
/// </summary>
public sealed partial class ConnectorMessenger(ConnectorClient connector, ICrmArchive archive, ConversationRecorder recorder,
    ISendBudget pacer, IOptions<BotAuthOptions> options, ILogger<ConnectorMessenger> log) : IChannelMessenger
{
    public async Task<PostedCard?> SendCardAsync(UserRef user, JsonObject card, CancellationToken ct = default) =>
        await PersonalChatAsync(user, ct) is { } chat ? await SendAsync(user.TenantId, user.ServiceUrl, chat, CardActivity(card), ct) : null;

    public async Task<bool> SendTextAsync(UserRef user, string text, CancellationToken ct = default) =>
        await PersonalChatAsync(user, ct) is { } chat
        && await SendAsync(user.TenantId, user.ServiceUrl, chat, new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" }, ct) is not null;

    public async Task<PostedCard?> PostCardAsync(ConversationRef channel, JsonObject card, CancellationToken ct = default)
    {
        if (channel.Kind != ConversationKind.Channel || await archive.Conversations.IsUnreachableAsync(channel.Id, ct)) return null;
        // Sending to the channel's own conversation id starts a new post there (the app must be installed in the team).
        return await SendAsync(channel.TenantId, channel.ServiceUrl, channel.ChannelId ?? channel.Id, CardActivity(card), ct);
    }

    // The team's roster is the members of its General channel, whose id is the team's.
    public async Task<IReadOnlyList<TeamMember>> TeamMembersAsync(ConversationRef channel, CancellationToken ct = default) =>
        [.. (await RosterAsync(channel.ServiceUrl, channel.TeamId ?? channel.Id, ct)).Where(m => m.AadObjectId.Length > 0)];

    // A channel's own id lists that channel's members (a thread's id carries ";messageid=…": the channel is before it).
    public async Task<IReadOnlyList<TeamMember>?> MembersAsync(ConversationRef conversation, CancellationToken ct = default)
    {
        try
        {
            return await RosterAsync(conversation.ServiceUrl, conversation.Kind == ConversationKind.Channel
                ? conversation.ChannelId ?? conversation.Id.Split(";messageid=")[0]
                : conversation.Id, ct);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or TimeoutException or System.Text.Json.JsonException)
        {
            LogRosterUnreadable(log, conversation.Id, e is ConnectorException c ? (int)c.Status : 0);
            return null;
        }
    }

    /// <summary>Paged, 100 at a time. A member without an Entra object id (a bot, an anonymous guest) is kept with an empty one.</summary>
    async Task<IReadOnlyList<TeamMember>> RosterAsync(string serviceUrl, string conversationId, CancellationToken ct)
    {
        var members = new List<TeamMember>();
        await foreach (var m in connector.GetAllMembersAsync(serviceUrl, conversationId, ct))
            members.Add(new TeamMember(m.AadObjectId ?? "", m.Id ?? "", m.Name ?? ""));
        return members;
    }

    public async Task<bool> UpdateCardAsync(PostedCard posted, JsonObject card, CancellationToken ct = default)
    {
        if (await archive.Conversations.IsUnreachableAsync(posted.ConversationId, ct)) return false;
        var activity = CardActivity(card);
        activity.Id = posted.ActivityId;
        await pacer.WaitTurnAsync("", posted.ConversationId, ct);
        return await GuardedAsync(posted.ConversationId,
            () => connector.UpdateAsync(posted.ServiceUrl, posted.ConversationId, posted.ActivityId, activity, ct), ct) is not null;
    }

    /// <summary>The user's 1:1 chat with the bot: the stored one, else a new one (stored for next time); null when blocked.</summary>
    async Task<string?> PersonalChatAsync(UserRef user, CancellationToken ct)
    {
        if (user.PersonalConversationId is { } known)
            return await archive.Conversations.IsUnreachableAsync(known, ct) ? null : known;
        var appId = options.Value.AppId;
        var created = await connector.CreateConversationAsync(user.ServiceUrl, new ConversationParameters
        {
            Bot = string.IsNullOrWhiteSpace(appId) ? null : new ChannelAccount { Id = "28:" + appId },
            Members = [new ChannelAccount { Id = user.TeamsId }],
            TenantId = user.TenantId,
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = user.TenantId } },
        }, ct);
        if (string.IsNullOrEmpty(created.Id)) return null;
        // Stored like a chat the user started, so that a later block is recorded against it and honoured.
        await archive.Conversations.SaveConversationAsync(new ConversationRef(created.Id, ConversationKind.Personal, user.TenantId,
            user.ServiceUrl, string.IsNullOrWhiteSpace(appId) ? "" : "28:" + appId), ct);
        await archive.Conversations.SaveUserAsync(user with { PersonalConversationId = created.Id }, ct);
        return created.Id;
    }

    async Task<PostedCard?> SendAsync(string tenantId, string serviceUrl, string conversationId, Activity activity, CancellationToken ct)
    {
        await pacer.WaitTurnAsync(tenantId, conversationId, ct);
        var sent = await GuardedAsync(conversationId, () => connector.SendAsync(serviceUrl, conversationId, activity, ct), ct);
        return sent?.Id is { Length: > 0 } id ? new PostedCard(conversationId, id, serviceUrl) : null;
    }

    async Task<ResourceResponse?> GuardedAsync(string conversationId, Func<Task<ResourceResponse>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (MessageWritesBlockedException)
        {
            LogBlocked(log, conversationId);
            await recorder.MarkBlockedAsync(conversationId, ct);
            return null;
        }
        catch (ConnectorException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
            LogGone(log, conversationId);
            await recorder.MarkRemovedAsync(conversationId, ct);
            return null;
        }
    }

    static Activity CardActivity(JsonObject card) => new() { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} blocked the bot (MessageWritesBlocked); proactive messages skip it")]
    static partial void LogBlocked(ILogger logger, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The roster of {ConversationId} could not be read ({Status}); it gets no copy this time")]
    static partial void LogRosterUnreadable(ILogger logger, string conversationId, int status);
    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ConversationId} is gone (404); proactive messages skip it")]
    static partial void LogGone(ILogger logger, string conversationId);
}
