using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>
/// "reminders" / "提醒" in a team's channel: the sales manager (DOMAIN.md: "configure reminders") sets which reminders
/// the channel gets and when. The zone defaults to that of whoever installed the app in the team (as their client last
/// told it), else the manager's own, else Reminders:TimeZone.
/// Everyone else is told who may; a form with a bad value comes back with the message beside it, values kept.
/// The form is the channel's own settings and the directory's reps: nothing of the archive, so it is for everyone there.
/// </summary>
public static class ReminderSettingsHandler
{
    public static async Task<Reply> Show(Turn turn, ICrmArchive archive, IDirectory directory, IOptions<ReminderOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        if (await RefusalAsync(turn, directory, ct) is { } refusal) return Reply.Text(T.Get(turn.Culture, refusal)).ForEveryone();
        var settings = await archive.Reminders.GetChannelAsync(ChannelId(turn), ct)
            ?? Defaults(turn, await InstallersZoneAsync(turn, archive, ct) ?? ClientZone(turn) ?? options.Value.TimeZone, clock);
        return Reply.Card(ReminderSettingsCards.Form(turn.Culture, ReminderSettingsCards.StateOf(settings), settings.Version, await RepsAsync(directory, ct)))
            .ForEveryone();
    }

    public static async Task<Reply> Save(Turn turn, ICrmArchive archive, IDirectory directory, IOptions<ReminderOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        if (await RefusalAsync(turn, directory, ct) is { } refusal) return Reply.Text(T.Get(c, refusal)).ForEveryone();
        var reps = await RepsAsync(directory, ct);
        var form = new FormReader(turn.Data, c);
        var timings = ReminderKinds.Channel.Select(kind => Read(form, kind)).ToList();
        var zoneId = form.Text("zone", required: true, maxLength: 64);
        var errors = new Dictionary<string, string>(form.Errors);
        if (zoneId is not null && LocalCalendar.FindZone(zoneId) is null) errors["zone"] = T.Get(c, "reminders.config.badZone", zoneId);
        var chosen = (form.Text("reps", maxLength: 4000) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(id => reps.Any(r => r.AadObjectId == id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();   // only the directory's reps
        // The card's own number; a forged one (1.5, 1e300, a string) is no version at all, never an exception.
        var version = turn.Data["version"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
        if (errors.Count > 0 || timings.Any(t => t is null))
            return Reply.ReplaceCard(ReminderSettingsCards.Form(c, new FormState(turn.Data, errors), version, reps)).ForEveryone();

        var channelId = ChannelId(turn);
        // The channel itself (not a reply thread) is what reminders post to: stored under its own id.
        await archive.Conversations.SaveConversationAsync(turn.Conversation with { Id = channelId, ChannelId = channelId }, ct);
        var settings = new ChannelReminders(channelId, turn.Conversation.TeamId!, zoneId!, [.. timings!], chosen, turn.User.AadObjectId,
            clock.GetUtcNow(), turn.Culture.Name, version);
        try
        {
            var saved = await archive.Reminders.SaveChannelAsync(settings, ct);
            return Reply.ReplaceCard(ReminderSettingsCards.Form(c, ReminderSettingsCards.StateOf(saved), saved.Version, reps,
                T.Get(c, "reminders.config.saved", turn.User.Name))).ForEveryone();
        }
        catch (RemindersConflictException e)
        {
            return Reply.ReplaceCard(ReminderSettingsCards.Form(c, ReminderSettingsCards.StateOf(e.Current), e.Current.Version, reps,
                T.Get(c, "reminders.config.conflict"))).ForEveryone();
        }
    }

    static ReminderTiming? Read(FormReader form, ReminderKind kind)
    {
        var on = form.Toggle("on." + kind);
        var time = form.Time("time." + kind, required: true);
        var dayText = form.Text("day." + kind, required: true, maxLength: 2);
        var day = int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0;
        if (time is null || dayText is null) return null;
        var timing = new ReminderTiming(kind, on, day, time.Value);
        if (timing.IsValid) return timing;
        form.Fail("day." + kind, "reminders.config.badDay");
        return null;
    }

    static async Task<string?> RefusalAsync(Turn turn, IDirectory directory, CancellationToken ct)
    {
        if (turn.Conversation.Kind != ConversationKind.Channel || turn.Conversation.TeamId is null) return "reminders.config.notInChannel";
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        return me?.Is(Role.SalesManager) == true ? null : "reminders.config.notManager";
    }

    static string ChannelId(Turn turn) => turn.Conversation.ChannelId ?? turn.Conversation.Id.Split(";messageid=")[0];

    static ChannelReminders Defaults(Turn turn, string zoneId, TimeProvider clock) =>
        ChannelReminders.Defaults(ChannelId(turn), turn.Conversation.TeamId!, zoneId, turn.User.AadObjectId, clock.GetUtcNow(), turn.Culture.Name);

    static async Task<string?> InstallersZoneAsync(Turn turn, ICrmArchive archive, CancellationToken ct) =>
        turn.Conversation.TeamId is { } team && await archive.Conversations.InstallerOfAsync(team, ct) is { } installer
            ? (await archive.Conversations.FindUserAsync(installer, ct))?.TimeZone
            : null;

    /// <summary>The client's zone; UTC is also what a client that sent none gets, so it says nothing.</summary>
    static string? ClientZone(Turn turn) => turn.TimeZone == TimeZoneInfo.Utc ? null : turn.TimeZone.Id;

    static async Task<IReadOnlyList<(string Name, string AadObjectId)>> RepsAsync(IDirectory directory, CancellationToken ct) =>
        [.. (await directory.WithRoleAsync(Role.Rep, ct)).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.Name, p.AadObjectId))];
}
