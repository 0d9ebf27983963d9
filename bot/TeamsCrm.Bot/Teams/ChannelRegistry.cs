using Microsoft.Extensions.Logging;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Connector;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// Keeps the stored channels of every team the app is installed in true, from the team's installationUpdate and
/// conversationUpdate events (channelData.eventType): install → the team's channels (GET /v3/teams/{id}/conversations);
/// channel created or restored → stored; channel deleted → removed; team renamed → the new name on each of its
/// conversations; team deleted or archived, app removed → every conversation of the team removed; unarchived or restored
/// → its channels again. Reminders post only to channels stored here and not removed.
/// </summary>
public sealed partial class ChannelRegistry(ConnectorClient connector, ICrmArchive archive, TimeProvider clock, ILogger<ChannelRegistry> log)
{
    public async Task OnTeamEventAsync(Activity activity, bool botAdded, bool botRemoved, CancellationToken ct)
    {
        var data = TeamsChannelData.From(activity);
        if (data?.Team?.Id is not { Length: > 0 } teamId || activity.ServiceUrl is null) return;
        var conversations = archive.Conversations;
        switch (botRemoved ? "botRemoved" : data.EventType)
        {
            case "botRemoved" or "teamDeleted" or "teamHardDeleted" or "teamArchived":
                await conversations.MarkTeamRemovedAsync(teamId, clock.GetUtcNow(), ct);
                break;
            case "teamRenamed" when data.Team.Name is { Length: > 0 } name:
                await conversations.RenameTeamAsync(teamId, name, ct);
                break;
            case "channelDeleted" when data.Channel?.Id is { } deleted:
                await conversations.MarkRemovedAsync(deleted, clock.GetUtcNow(), ct);
                break;
            case "channelCreated" or "channelRestored" or "channelRenamed" when data.Channel?.Id is { } channel:
                await conversations.SaveConversationAsync(ChannelOf(activity, channel), ct);
                break;
            case "teamUnarchived" or "teamRestored":
                await RegisterTeamAsync(activity, teamId, ct);
                break;
            default:
                if (!botAdded) break;
                await RegisterTeamAsync(activity, teamId, ct);
                // Whose time zone a channel's reminders start from (the installer's, once their client has told it).
                if (activity.From?.AadObjectId is { Length: > 0 } installer) await conversations.SetInstallerAsync(teamId, installer, ct);
                break;
        }
    }

    /// <summary>The General channel (its id is the team's) and every other channel the connector lists.</summary>
    async Task RegisterTeamAsync(Activity activity, string teamId, CancellationToken ct)
    {
        var ids = new List<string> { teamId };
        try
        {
            ids.AddRange((await connector.GetTeamChannelsAsync(activity.ServiceUrl!, teamId, ct)).Select(c => c.Id).OfType<string>());
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or TimeoutException)
        {
            // The General channel is enough to start with; the others arrive as they are used or created.
            LogChannelsUnknown(log, e, teamId);
        }
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
            await archive.Conversations.SaveConversationAsync(ChannelOf(activity, id), ct);
    }

    static ConversationRef ChannelOf(Activity activity, string channelId)
    {
        var team = TurnReader.ConversationOf(activity);
        return new ConversationRef(channelId, ConversationKind.Channel, team.TenantId, team.ServiceUrl, team.BotId, team.TeamId, team.TeamName, channelId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not list the channels of team {TeamId}; only its General channel is stored")]
    static partial void LogChannelsUnknown(ILogger logger, Exception e, string teamId);
}
