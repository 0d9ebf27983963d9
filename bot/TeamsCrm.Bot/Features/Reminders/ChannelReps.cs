using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>
/// Who a channel's reminders are about: the reps its manager chose, else every member of the team's roster (the
/// connector's paged members) whom the directory knows as a sales rep. Rosters are kept a few minutes, so that a
/// reminder day's several posts to one team ask the connector once; at most <see cref="MaxTeams"/> teams' rosters are kept.
/// </summary>
public sealed class ChannelReps(IChannelMessenger messenger, IDirectory directory, ICrmArchive archive, TimeProvider clock)
{
    public static readonly TimeSpan RosterAge = TimeSpan.FromMinutes(10);
    /// <summary>A roster is a few KB for a sales team; 2,000 teams is twice the reminder benchmark's thousand channels.</summary>
    public const int MaxTeams = 2_000;
    readonly BoundedCache<string, IReadOnlyList<TeamMember>> _rosters = new(MaxTeams, RosterAge, clock, StringComparer.Ordinal);

    public async Task<IReadOnlyList<(Person Person, Mentioned Mention)>> OfAsync(ChannelReminders settings, ConversationRef channel, CancellationToken ct)
    {
        var reps = new List<(Person, Mentioned)>();
        if (settings.Reps.Count > 0)
        {
            foreach (var id in settings.Reps)
                if (await directory.FindAsync(id, ct) is { } person)
                    reps.Add((person, new Mentioned(person.Name, (await archive.Conversations.FindUserAsync(id, ct))?.TeamsId ?? id)));
        }
        else
        {
            foreach (var member in await RosterAsync(channel, ct))
                if (await directory.FindAsync(member.AadObjectId, ct) is { } person && person.Is(Role.Rep))
                    reps.Add((person, new Mentioned(person.Name, member.TeamsId.Length > 0 ? member.TeamsId : member.AadObjectId)));
        }
        return [.. reps.DistinctBy(r => r.Item1.AadObjectId, StringComparer.OrdinalIgnoreCase).OrderBy(r => r.Item1.Name, StringComparer.Ordinal)];
    }

    /// <summary>The team's members, every page, remembered for a few minutes.</summary>
    public async Task<IReadOnlyList<TeamMember>> RosterAsync(ConversationRef channel, CancellationToken ct)
    {
        var team = channel.TeamId ?? channel.Id;
        if (_rosters.TryGetValue(team, out var known)) return known;
        var members = await messenger.TeamMembersAsync(channel, ct);
        _rosters.Set(team, members);
        return members;
    }
}
