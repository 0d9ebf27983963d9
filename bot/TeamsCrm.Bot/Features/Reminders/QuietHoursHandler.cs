using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.People;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>
/// <c>reminders me</c> / <c>我的提醒</c>: one's own quiet hours — when personal reminders (follow-ups, approvals waiting,
/// purges, an approval's reminder) keep quiet and wait. <c>reminders me quiet 21:00-07:00</c>, <c>… quiet off</c>,
/// <c>… weekends off</c> change them; they are read in the zone the person's Teams client last told. It also lists the kinds
/// muted from a reminder's card, and <c>reminders me unmute</c> turns them all on again; <c>reminders me digest on</c> takes one
/// daily card instead of separate personal reminders and the morning brief (<c>… digest off</c> goes back). Kept with the person.
/// </summary>
public static partial class QuietHoursHandler
{
    static readonly string[] Off = ["off", "none", "关", "关闭", "无"];
    static readonly string[] On = ["on", "开", "开启"];

    public static async Task<Reply> Command(Turn turn, ICrmArchive archive, IOptions<ReminderOptions> options, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = turn.User.AadObjectId;
        var settings = (await archive.Conversations.FindUserAsync(me, ct))?.Settings ?? new PersonalSettings();
        var quiet = settings.QuietHours;
        var text = turn.Text.Trim();
        QuietHours? changed = null;
        if (Weekends().Match(text) is { Success: true } w)
        {
            var word = w.Groups["word"].Value;
            if (On.Contains(word, StringComparer.OrdinalIgnoreCase)) changed = quiet with { Weekends = true };
            else if (Off.Contains(word, StringComparer.OrdinalIgnoreCase)) changed = quiet with { Weekends = false };
            else return Reply.Text(T.Get(c, "quiet.how"));
        }
        else if (Nightly().Match(text) is { Success: true } n)
        {
            var rest = n.Groups["rest"].Value.Trim();
            if (Off.Contains(rest, StringComparer.OrdinalIgnoreCase)) changed = QuietHours.None;
            else if (Range().Match(rest) is { Success: true } r && Time(r.Groups["from"].Value) is { } from && Time(r.Groups["to"].Value) is { } to)
                changed = quiet with { Start = from, End = to };
            else return Reply.Text(T.Get(c, "quiet.badTimes", rest));
        }
        else if (DigestWord().Match(text) is { Success: true } d)
        {
            var word = d.Groups["word"].Value;
            if (!On.Contains(word, StringComparer.OrdinalIgnoreCase) && !Off.Contains(word, StringComparer.OrdinalIgnoreCase)) return Reply.Text(T.Get(c, "quiet.how"));
            var on = On.Contains(word, StringComparer.OrdinalIgnoreCase);
            if (on && DigestTime(options.Value) is null) return Reply.Text(T.Get(c, "quiet.digestNotRunning"));
            await archive.Conversations.SetSettingsAsync(me, settings with { Digest = on }, ct);
            return Reply.Text(on ? T.Get(c, "quiet.digestOn", DigestTime(options.Value)!, options.Value.TimeZone) : T.Get(c, "quiet.digestOff"));
        }
        else if (Unmute().IsMatch(text))
        {
            await archive.Conversations.SetSettingsAsync(me, settings with { Muted = null }, ct);
            return Reply.Text(T.Get(c, "quiet.unmuted"));
        }
        else if (text.Length > 0) return Reply.Text(T.Get(c, "quiet.how"));

        if (changed is not null)
        {
            await archive.Conversations.SetSettingsAsync(me, settings with { Quiet = changed }, ct);
            quiet = changed;
        }
        var said = T.Get(c, changed is null ? "quiet.current" : "quiet.saved", Describe(c, quiet), turn.TimeZone.Id);
        var muted = ReminderKinds.Personal.Where(settings.HasMuted).Select(k => PersonalReminderCards.KindName(c, k)).ToList();
        if (muted.Count > 0) said += "\n\n" + T.Get(c, "quiet.muted", string.Join(", ", muted));
        return Reply.Text(said + "\n\n" + (settings.Digest && DigestTime(options.Value) is { } at
            ? T.Get(c, "quiet.digestIsOn", at, options.Value.TimeZone)
            : T.Get(c, "quiet.digestIsOff")));
    }

    /// <summary>The digest comes with the day's follow-ups (Reminders:Personal:FollowUps): "08:00", or null when those are off.</summary>
    static string? DigestTime(ReminderOptions options) =>
        options.PersonalTimings().FirstOrDefault(t => t.Kind == ReminderKind.FollowUps) is { Enabled: true } t
            ? t.Time.ToString("HH:mm", CultureInfo.InvariantCulture) : null;

    /// <summary>"20:00–08:00 and weekends", "weekends only", "none".</summary>
    static string Describe(CultureInfo c, QuietHours q)
    {
        var nightly = q.Start == q.End ? null : $"{q.Start:HH\\:mm}–{q.End:HH\\:mm}";
        return (nightly, q.Weekends) switch
        {
            (null, false) => T.Get(c, "quiet.none"),
            (null, true) => T.Get(c, "quiet.weekendsOnly"),
            (_, true) => T.Get(c, "quiet.nightlyAndWeekends", nightly),
            _ => nightly,
        };
    }

    static TimeOnly? Time(string text) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    [GeneratedRegex(@"^(digest|每日汇总|汇总)\s*(?<word>\S*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DigestWord();

    [GeneratedRegex(@"^(unmute|取消静音)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unmute();

    [GeneratedRegex(@"^(weekends?|周末)\s*(?<word>\S*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weekends();

    [GeneratedRegex(@"^(quiet|免打扰)\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Nightly();

    [GeneratedRegex(@"^(?<from>\d{1,2}:\d{2})\s*(-|–|—|to|至|到)\s*(?<to>\d{1,2}:\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Range();
}
