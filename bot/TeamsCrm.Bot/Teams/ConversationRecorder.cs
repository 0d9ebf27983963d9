using System.Collections.Concurrent;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// Keeps the stored reference of every user and conversation that talks to the bot (proactive messages need
/// them later). References rarely change, so a write happens only when one did: most turns write nothing.
/// </summary>
public sealed class ConversationRecorder(ICrmArchive archive, TimeProvider clock)
{
    readonly ConcurrentDictionary<string, object> _lastSaved = new(StringComparer.Ordinal);

    public async Task RecordAsync(Turn turn, CancellationToken ct)
    {
        var conversation = turn.Conversation;
        if (!IsSaved("c:" + conversation.Id, conversation))
        {
            await archive.Conversations.SaveConversationAsync(conversation, ct);
            _lastSaved["c:" + conversation.Id] = conversation;
        }
        var user = new UserRef(turn.User.AadObjectId, turn.User.TeamsId, turn.User.Name, turn.TenantId, conversation.ServiceUrl,
            conversation.Kind == ConversationKind.Personal ? conversation.Id : null, turn.Culture.Name,
            turn.TimeZone == TimeZoneInfo.Utc ? null : turn.TimeZone.Id);   // UTC is also what a client that sent none gets
        if (!IsSaved("u:" + user.AadObjectId, user))
        {
            await archive.Conversations.SaveUserAsync(user, ct);
            // A group-chat turn carries no personal conversation id: remember what was saved, not what it became.
            _lastSaved["u:" + user.AadObjectId] = user;
        }
    }

    /// <summary>Stores the conversation and reports whether this is the first time it is welcomed.</summary>
    public async Task<bool> TryWelcomeOnceAsync(ConversationRef conversation, CancellationToken ct)
    {
        await archive.Conversations.SaveConversationAsync(conversation, ct);
        _lastSaved["c:" + conversation.Id] = conversation;
        return await archive.Conversations.TryMarkWelcomedAsync(conversation.Id, clock.GetUtcNow(), ct);
    }

    public async Task MarkBlockedAsync(string conversationId, CancellationToken ct)
    {
        _lastSaved.TryRemove("c:" + conversationId, out _);   // the next message from there must clear the mark
        await archive.Conversations.MarkBlockedAsync(conversationId, clock.GetUtcNow(), ct);
    }

    public async Task MarkRemovedAsync(string conversationId, CancellationToken ct)
    {
        _lastSaved.TryRemove("c:" + conversationId, out _);
        await archive.Conversations.MarkRemovedAsync(conversationId, clock.GetUtcNow(), ct);
    }

    bool IsSaved(string key, object value) => _lastSaved.TryGetValue(key, out var saved) && saved.Equals(value);
}
