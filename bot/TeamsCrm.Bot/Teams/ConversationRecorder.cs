using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// Keeps the stored reference of every user and conversation that talks to the bot (proactive messages need
/// them later). References rarely change, so a write happens only when one did: most turns write nothing.
/// </summary>
/// <remarks>
/// A conversation marked blocked or removed (by this instance or another) is reachable again as soon as anyone in it
/// writes to the bot, on whichever instance the activity lands. Marking forgets the saved reference
/// (<see cref="ISavedReferences"/>); where that reaches every instance (Redis), a remembered conversation is known
/// unmarked. Where it does not (each instance remembers alone), a remembered conversation is still asked whether it is
/// marked (one read by its key), and only a marked one is written again, which clears the mark.
/// </remarks>
public sealed class ConversationRecorder(ICrmArchive archive, ISavedReferences saved, TimeProvider clock)
{
    public async Task RecordAsync(Turn turn, CancellationToken ct)
    {
        var conversation = turn.Conversation;
        if (!await saved.IsSavedAsync("c:" + conversation.Id, conversation)
            || !saved.SeesEveryInstance && await archive.Conversations.IsUnreachableAsync(conversation.Id, ct))
        {
            await archive.Conversations.SaveConversationAsync(conversation, ct);   // activity from there clears a block or removal
            await saved.RememberAsync("c:" + conversation.Id, conversation);
        }
        var user = new UserRef(turn.User.AadObjectId, turn.User.TeamsId, turn.User.Name, turn.TenantId, conversation.ServiceUrl,
            conversation.Kind == ConversationKind.Personal ? conversation.Id : null, turn.Culture.Name,
            turn.TimeZone == TimeZoneInfo.Utc ? null : turn.TimeZone.Id);   // UTC is also what a client that sent none gets
        if (!await saved.IsSavedAsync("u:" + user.AadObjectId, user))
        {
            await archive.Conversations.SaveUserAsync(user, ct);
            // A group-chat turn carries no personal conversation id: remember what was saved, not what it became.
            await saved.RememberAsync("u:" + user.AadObjectId, user);
        }
    }

    /// <summary>Stores the conversation and reports whether this is the first time it is welcomed.</summary>
    public async Task<bool> TryWelcomeOnceAsync(ConversationRef conversation, CancellationToken ct)
    {
        await archive.Conversations.SaveConversationAsync(conversation, ct);
        await saved.RememberAsync("c:" + conversation.Id, conversation);
        return await archive.Conversations.TryMarkWelcomedAsync(conversation.Id, clock.GetUtcNow(), ct);
    }

    public async Task MarkBlockedAsync(string conversationId, CancellationToken ct)
    {
        await saved.ForgetAsync("c:" + conversationId);   // the next message from there must clear the mark
        await archive.Conversations.MarkBlockedAsync(conversationId, clock.GetUtcNow(), ct);
    }

    public async Task MarkRemovedAsync(string conversationId, CancellationToken ct)
    {
        await saved.ForgetAsync("c:" + conversationId);
        await archive.Conversations.MarkRemovedAsync(conversationId, clock.GetUtcNow(), ct);
    }
}
