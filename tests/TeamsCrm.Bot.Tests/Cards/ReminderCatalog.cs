using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Reports;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Reminders;
using TeamsCrm.Bot.Features.Reports;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>The reminder, reminder-settings and monthly-report cards of <see cref="CardCatalog"/>: empty, usual and oversized.</summary>
public static class ReminderCatalog
{
    static readonly IsoWeek Week = new(2026, 48);
    static readonly YearMonth Month = new(2026, 10);
    static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static IEnumerable<(string Name, string Builder, JsonObject Card)> All(CultureInfo c)
    {
        var l = c.Name;
        var reps = Enumerable.Range(1, 3).Select(i => (new Mentioned($"Rep {i}", $"29:rep-{i}"), i == 1)).ToList();
        var many = Enumerable.Range(1, 200).Select(i => (new Mentioned($"Rep {i} 李娜", $"29:rep-{i}"), i % 3 == 0)).ToList();
        yield return ($"reminder.plan.{l}", "ReminderCards.WeeklyPlan", ReminderCards.WeeklyPlan(c, Week, reps));
        yield return ($"reminder.plan.all-done.{l}", "ReminderCards.WeeklyPlan", ReminderCards.WeeklyPlan(c, Week, [.. reps.Select(r => (r.Item1, true))]));
        yield return ($"reminder.plan.many.{l}", "ReminderCards.WeeklyPlan", ReminderCards.WeeklyPlan(c, Week, many,
            [.. many.Select((r, i) => (r.Item1.Name, i % 4))]));
        yield return ($"reminder.plan.overdue.{l}", "ReminderCards.WeeklyPlan", ReminderCards.WeeklyPlan(c, Week, reps,
            [("Rep 1", 2), ("Rep 2", 0), ("Rep 3", 1)]));
        yield return ($"reminder.week-end.{l}", "ReminderCards.WeekEnd", ReminderCards.WeekEnd(c, Week, [("Li Na", new(5, 4)), ("Tom Becker", new(3, 6))]));
        yield return ($"reminder.week-end.empty.{l}", "ReminderCards.WeekEnd", ReminderCards.WeekEnd(c, Week, []));
        yield return ($"reminder.week-end.many.{l}", "ReminderCards.WeekEnd", ReminderCards.WeekEnd(c, Week,
            [.. Enumerable.Range(1, 200).Select(i => ($"Rep {i} 李娜", new VisitCounts(i % 7, i % 5)))]));
        yield return ($"reminder.report.{l}", "ReminderCards.ReportDue", ReminderCards.ReportDue(c, Month, new DateOnly(2026, 11, 5), [.. reps.Select(r => r.Item1)], again: false));
        yield return ($"reminder.report-again.{l}", "ReminderCards.ReportDue", ReminderCards.ReportDue(c, Month, new DateOnly(2026, 11, 5), [.. many.Select(r => r.Item1)], again: true));
        yield return ($"reminder.report-again.done.{l}", "ReminderCards.ReportDue", ReminderCards.ReportDue(c, Month, new DateOnly(2026, 11, 5), [], again: true));
        yield return ($"reminder.meeting.{l}", "ReminderCards.FileMeeting", ReminderCards.FileMeeting(c, Month));
        yield return ($"reminder.review.{l}", "ReminderCards.FileReview", ReminderCards.FileReview(c, 60,
            [("Li Na", ["C-2026-00001 Huadong Precision"]), ("Tom Becker", [.. Enumerable.Range(1, 40).Select(i => $"C-2026-{i:D5} 华东精密有限公司")])]));
        yield return ($"reminder.review.none.{l}", "ReminderCards.FileReview", ReminderCards.FileReview(c, 60, []));
        yield return ($"reminder.review.names-hidden.{l}", "ReminderCards.FileReview", ReminderCards.FileReview(c, 60,
            [("Li Na", ["C-2026-00001 Huadong Precision"])], namesShown: false));

        var day = new DateOnly(2026, 11, 23);
        var at = new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero);
        yield return ($"reminder.follow-ups.{l}", "PersonalReminderCards.FollowUps", PersonalReminderCards.FollowUps(c, day,
            [.. Enumerable.Range(1, 3).Select(i => new FollowUp($"v{i}", "a", $"C-2026-{i:D5}", $"Customer {i}", day, "Send the quote", DateTimeOffset.UnixEpoch))], at));
        yield return ($"reminder.approvals.{l}", "PersonalReminderCards.ApprovalsWaiting", PersonalReminderCards.ApprovalsWaiting(c,
            [("Huadong Precision", "New customer file", 2), ("华东精密", "Deletion", 0)], at));
        yield return ($"reminder.purge.{l}", "PersonalReminderCards.PurgeSoon", PersonalReminderCards.PurgeSoon(c,
            [("C-2026-00042", "Huadong Precision", day.AddDays(2))], at));
        // The digest: everything at once, each section past its limit; and one with a single section.
        var lines = Enumerable.Range(1, PersonalReminderCards.DigestRows + 5).ToList();
        yield return ($"reminder.digest.full.{l}", "PersonalReminderCards.Digest", PersonalReminderCards.Digest(c, day,
            [.. lines.Select(i => new FollowUp($"v{i}", "a", $"C-2026-{i:D5}", $"Customer {i} 华东精密有限公司", day, "Send the quote for the second CNC line", DateTimeOffset.UnixEpoch))],
            [.. lines.Select(i => ($"Customer {i} 华东精密有限公司", "New customer file", i))], [.. lines.Select(i => ($"C-2026-{i:D5}", $"Customer {i}", day.AddDays(2)))],
            planned: 6, at));
        yield return ($"reminder.digest.approvals-only.{l}", "PersonalReminderCards.Digest", PersonalReminderCards.Digest(c, day, [],
            [("Huadong Precision", "New customer file", 2)], [], planned: 0, at));
        yield return ($"reminder.snoozed.{l}", "PersonalReminderCards.Snoozed", PersonalReminderCards.Snoozed(c, ReminderKind.ApprovalDigest, at.AddDays(1),
            TimeZoneInfo.Utc));
        yield return ($"reminder.muted.{l}", "PersonalReminderCards.Muted", PersonalReminderCards.Muted(c, ReminderKind.FollowUps));
        yield return ($"reminder.unmuted.{l}", "PersonalReminderCards.Unmuted", PersonalReminderCards.Unmuted(c, ReminderKind.FollowUps));

        var settings = ChannelReminders.Defaults("19:c@thread.tacv2", "19:t@thread.tacv2", "Asia/Shanghai", "m", DateTimeOffset.UnixEpoch, l);
        IReadOnlyList<(string, string)> people = [("Li Na", "a"), ("Tom Becker", "b")];
        yield return ($"reminder.settings.{l}", "ReminderSettingsCards.Form", ReminderSettingsCards.Form(c, ReminderSettingsCards.StateOf(settings), 0, people));
        yield return ($"reminder.settings.refused.{l}", "ReminderSettingsCards.Form", ReminderSettingsCards.Form(c,
            new FormState(new JsonObject { ["zone"] = "Mars/Olympus" }, new Dictionary<string, string> { ["zone"] = T.Get(c, "reminders.config.badZone", "Mars/Olympus") }),
            3, people));

        var report = new MarketReport("a", Month, "Sales up 5 %", "Two new orders", "Late deliveries", "Weekly call with logistics",
            new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero), false);
        var deadline = MarketReportRules.Deadline(Month, Shanghai);
        yield return ($"report.form.{l}", "ReportCards.Form", ReportCards.Form(c, Month, deadline, Shanghai, ReportCards.StateOf(null)));
        yield return ($"report.form.refused.{l}", "ReportCards.Form", ReportCards.Form(c, Month, deadline, Shanghai,
            new FormState(new JsonObject { ["summary"] = "x" }, new Dictionary<string, string> { ["forecast"] = T.Get(c, "form.required") })));
        yield return ($"report.submitted.{l}", "ReportCards.Submitted", ReportCards.Submitted(c, report, Shanghai));
        yield return ($"report.submitted.late-long.{l}", "ReportCards.Submitted", ReportCards.Submitted(c, report with
            { Late = true, Summary = new string('s', 4000), Forecast = new string('f', 4000), Problems = new string('p', 4000), Solutions = new string('o', 4000) }, Shanghai));
        yield return ($"report.status.{l}", "ReportCards.Status", ReportCards.Status(c, Month, [("Li Na", report), ("Tom Becker", null), ("Zhao", report with { Late = true })], Shanghai));
        yield return ($"report.status.empty.{l}", "ReportCards.Status", ReportCards.Status(c, Month, [], Shanghai));
    }
}
