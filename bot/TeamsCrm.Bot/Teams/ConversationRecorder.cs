using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// Keeps the stored reference of every user and conversation that talks to the bot (proactive messages need
/// them later). References rarely change, so a write happens only when one did: most turns write nothing.
/// </summary>
/// <remarks>
/// A conversation marked blocked or removed (by this instance or another) is reachable again as soon as anyone in it
/// writes to the bot, on whichever instance the activity lands. The mark lives in the archive and no instance is told
/// when another sets it, so a conversation this instance remembers as saved is still asked whether it is marked (one
/// read by its key); only a marked one is written again, which clears the mark. The memory of what was saved saves
/// writes, not that read; it holds at most <see cref="MaxRemembered"/> references, each for at most <see cref="MaxAge"/>
/// (then the next turn from there writes it again).
/// </remarks>
public sealed class ConversationRecorder(ICrmArchive archive, TimeProvider clock)
{
    /// <summary>Every user and conversation of a company of several thousand people, a few hundred bytes each.</summary>
    public const int MaxRemembered = 20_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    readonly BoundedCache<string, object> _lastSaved = new(MaxRemembered, MaxAge, clock, StringComparer.Ordinal);

    public async Task RecordAsync(Turn turn, CancellationToken ct)
    {
        var conversation = turn.Conversation;
        if (!IsSaved("c:" + conversation.Id, conversation) || await archive.Conversations.IsUnreachableAsync(conversation.Id, ct))
        {
            await archive.Conversations.SaveConversationAsync(conversation, ct);   // activity from there clears a block or removal
            _lastSaved.Set("c:" + conversation.Id, conversation);
        }
        var user = new UserRef(turn.User.AadObjectId, turn.User.TeamsId, turn.User.Name, turn.TenantId, conversation.ServiceUrl,
            conversation.Kind == ConversationKind.Personal ? conversation.Id : null, turn.Culture.Name,
            turn.TimeZone == TimeZoneInfo.Utc ? null : turn.TimeZone.Id);   // UTC is also what a client that sent none gets
        if (!IsSaved("u:" + user.AadObjectId, user))
        {
            await archive.Conversations.SaveUserAsync(user, ct);
            // A group-chat turn carries no personal conversation id: remember what was saved, not what it became.
            _lastSaved.Set("u:" + user.AadObjectId, user);
        }
    }

    /// <summary>Stores the conversation and reports whether this is the first time it is welcomed.</summary>
    public async Task<bool> TryWelcomeOnceAsync(ConversationRef conversation, CancellationToken ct)
    {
        await archive.Conversations.SaveConversationAsync(conversation, ct);
        _lastSaved.Set("c:" + conversation.Id, conversation);
        return await archive.Conversations.TryMarkWelcomedAsync(conversation.Id, clock.GetUtcNow(), ct);
    }

    public async Task MarkBlockedAsync(string conversationId, CancellationToken ct)
    {
        _lastSaved.Remove("c:" + conversationId);   // the next message from there must clear the mark
        await archive.Conversations.MarkBlockedAsync(conversationId, clock.GetUtcNow(), ct);
    }

    public async Task MarkRemovedAsync(string conversationId, CancellationToken ct)
    {
        _lastSaved.Remove("c:" + conversationId);
        await archive.Conversations.MarkRemovedAsync(conversationId, clock.GetUtcNow(), ct);
    }

    bool IsSaved(string key, object value) => _lastSaved.TryGetValue(key, out var saved) && saved.Equals(value);
}
