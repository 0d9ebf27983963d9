using System.Globalization;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.People;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>
/// The buttons on a personal reminder: <b>Snooze 1 hour</b> and <b>Tomorrow morning</b> keep it to come back then (never
/// in the presser's quiet hours: at their end instead), <b>Mute this kind</b> stops that kind for them, with the way back on
/// the card and in <c>reminders me</c>. Only ever about the presser's own reminders: the person is the authenticated sender,
/// the card's data says only which kind and which occurrence.
/// </summary>
public static class ReminderSnoozeHandler
{
    public static async Task<Reply> Snooze(Turn turn, ICrmArchive archive, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var now = clock.GetUtcNow();
        if (KindOf(turn) is not { } kind || !DateTimeOffset.TryParseExact(turn.DataString("occurrence"), ReminderSnooze.TimeFormat,
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var occurrence)
            || occurrence > now || now - occurrence > Occurrences.HoldLimit)
            return Reply.Text(T.Get(c, "reminders.snoozeGone"));
        var settings = (await archive.Conversations.FindUserAsync(turn.User.AadObjectId, ct))?.Settings ?? new PersonalSettings();
        var quiet = settings.QuietHours;
        var zone = turn.TimeZone;
        DateTimeOffset due;
        if (turn.DataString("until") == "morning")
        {
            // The first morning after today that is not quiet for them: tomorrow at the end of their night, or Monday's.
            var tomorrow = LocalCalendar.StartOfDay(LocalCalendar.Today(now, zone).AddDays(1), zone);
            due = quiet.EndsAfter(tomorrow, zone) ?? LocalCalendar.ToInstant(LocalCalendar.DateOf(tomorrow, zone), new TimeOnly(8, 0), zone);
        }
        else due = quiet.EndsAfter(now.AddHours(1), zone) ?? now.AddHours(1);
        await archive.Reminders.SnoozeAsync(new ReminderSnooze(turn.User.AadObjectId, kind, occurrence, due), ct);
        return Reply.ReplaceCard(PersonalReminderCards.Snoozed(c, kind, due, zone));
    }

    public static Task<Reply> Mute(Turn turn, ICrmArchive archive, CancellationToken ct) => SetAsync(turn, archive, on: true, ct);

    public static Task<Reply> Unmute(Turn turn, ICrmArchive archive, CancellationToken ct) => SetAsync(turn, archive, on: false, ct);

    static async Task<Reply> SetAsync(Turn turn, ICrmArchive archive, bool on, CancellationToken ct)
    {
        if (KindOf(turn) is not { } kind) return Reply.Text(T.Get(turn.Culture, "quiet.how"));
        var me = turn.User.AadObjectId;
        var settings = (await archive.Conversations.FindUserAsync(me, ct))?.Settings ?? new PersonalSettings();
        await archive.Conversations.SetSettingsAsync(me, settings.Mute(kind, on), ct);
        return Reply.ReplaceCard(on ? PersonalReminderCards.Muted(turn.Culture, kind) : PersonalReminderCards.Unmuted(turn.Culture, kind));
    }

    /// <summary>A personal kind named by the card, or null for anything else (a forged channel kind, nonsense).</summary>
    static ReminderKind? KindOf(Turn turn) =>
        Enum.TryParse<ReminderKind>(turn.DataString("kind"), ignoreCase: false, out var kind) && Enum.IsDefined(kind) && ReminderKinds.IsPersonal(kind)
            ? kind : null;
}
