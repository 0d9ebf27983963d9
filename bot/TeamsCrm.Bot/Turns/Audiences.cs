using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Directory;
using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.Bot.Turns;

/// <summary>
/// Who reads a conversation (<see cref="Audience"/>): a personal chat is its one person; a group chat or channel is
/// everyone on its roster, read through the connector and kept briefly, so that one busy channel does not list its
/// members on every message. A roster that cannot be read is an audience that may see nothing.
/// </summary>
public sealed partial class Audiences(IChannelMessenger messenger, IDirectory directory, TimeProvider clock, ILogger<Audiences> log)
{
    /// <summary>Long enough for a conversation's burst of messages, short enough that someone added sees the change soon.</summary>
    public static readonly TimeSpan RosterAge = TimeSpan.FromMinutes(2);
    /// <summary>Rosters kept at most; past it the oldest go (each is a few ids, but a tenant has many chats).</summary>
    public const int MaxRosters = 2_000;

    readonly BoundedCache<string, IReadOnlyList<string>?> _rosters = new(MaxRosters, RosterAge, clock, StringComparer.Ordinal);

    /// <summary>The audience of the conversation a turn came from.</summary>
    public async Task<Audience> OfAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Conversation.Kind == ConversationKind.Personal)
            return await directory.FindAsync(turn.User.AadObjectId, ct) is { } me ? Audience.Of([me]) : Audience.WithStrangers([]);
        return await OfAsync(turn.Conversation, ct);
    }

    /// <summary>The audience of a group chat or channel (a post the bot starts there: a reminder, a request's copy).</summary>
    public async Task<Audience> OfAsync(ConversationRef conversation, CancellationToken ct)
    {
        if (await RosterAsync(conversation, ct) is not { } ids) return Audience.WithStrangers([]);
        var known = new List<Person>(ids.Count);
        var strangers = false;
        foreach (var id in ids)
        {
            if (id.Length > 0 && await directory.FindAsync(id, ct) is { } person) known.Add(person);
            else strangers = true;
        }
        return strangers ? Audience.WithStrangers(known) : Audience.Of(known);
    }

    /// <summary>
    /// Someone joined or left a chat or team: every roster is read again. Membership changes are rare, and a team's change
    /// reaches each of its channels, whose rosters are kept under the channels' own ids.
    /// </summary>
    public void Forget() => _rosters.Clear();

    /// <summary>The members' Entra object ids ("" for a member without one), or null when the roster cannot be read.</summary>
    async Task<IReadOnlyList<string>?> RosterAsync(ConversationRef conversation, CancellationToken ct)
    {
        var key = conversation.Kind == ConversationKind.Channel ? conversation.ChannelId ?? conversation.Id.Split(";messageid=")[0] : conversation.Id;
        if (_rosters.TryGetValue(key, out var known)) return known;
        IReadOnlyList<string>? ids = await messenger.MembersAsync(conversation, ct) is { } members
            ? [.. members.Where(m => m.TeamsId != conversation.BotId && !m.TeamsId.StartsWith("28:", StringComparison.Ordinal))   // the bot itself
                .Select(m => m.AadObjectId)]
            : null;
        if (ids is null) LogRosterUnreadable(log, conversation.Id);
        _rosters.Set(key, ids);
        return ids;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The roster of {ConversationId} could not be read: for a while, replies there show nothing of the archive")]
    static partial void LogRosterUnreadable(ILogger logger, string conversationId);
}
