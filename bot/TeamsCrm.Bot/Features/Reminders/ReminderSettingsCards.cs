using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Reminders;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>
/// The `reminders` card of a channel: per reminder on/off, day and time; the IANA zone; the reps (a multi-select of the
/// directory's reps; none chosen = the team's roster). Field ids: on.{Kind}, day.{Kind}, time.{Kind}, zone, reps.
/// </summary>
public static class ReminderSettingsCards
{
    public const string SaveVerb = "reminders.save";

    /// <summary>The values a fresh card shows for <paramref name="settings"/>.</summary>
    public static FormState StateOf(ChannelReminders settings) => FormState.Of(
        ReminderKinds.Channel.SelectMany(kind =>
        {
            var t = settings.TimingOf(kind);
            return new[]
            {
                KeyValuePair.Create("on." + kind, (string?)(t.Enabled ? "true" : "false")),
                KeyValuePair.Create("day." + kind, (string?)t.Day.ToString(CultureInfo.InvariantCulture)),
                KeyValuePair.Create("time." + kind, (string?)t.Time.ToString("HH:mm", CultureInfo.InvariantCulture)),
            };
        }).Append(KeyValuePair.Create("zone", (string?)settings.ZoneId)).Append(KeyValuePair.Create("reps", (string?)string.Join(",", settings.Reps))));

    public static JsonObject Form(CultureInfo c, FormState state, int version, IReadOnlyList<(string Name, string AadObjectId)> reps, string? notice = null)
    {
        var card = Card.Create().Title(T.Get(c, "reminders.config.title")).Text(T.Get(c, "reminders.config.intro"), subtle: true);
        var fields = new FormFields(card, c, state).Banner(notice);
        foreach (var kind in ReminderKinds.Channel)
        {
            card.Heading(T.Get(c, "reminders.kind." + kind));
            fields.Toggle("on." + kind, T.Get(c, "reminders.config.on"), T.Get(c, "reminders.kind." + kind));
            if (ReminderKinds.CadenceOf(kind) == Cadence.Weekly) fields.Choice("day." + kind, T.Get(c, "reminders.config.day"), Weekdays(c), required: true);
            else fields.Choice("day." + kind, T.Get(c, "reminders.config.day"), MonthDays(c), required: true);
            fields.Time("time." + kind, T.Get(c, "reminders.config.time"), required: true);
        }
        card.Heading(T.Get(c, "reminders.config.zone"));
        fields.Text("zone", T.Get(c, "reminders.config.zone"), required: true, maxLength: 64);
        var repChoices = Inputs.Choice(c, "reps", T.Get(c, "reminders.config.reps"), reps.Select(r => (r.Name, r.AadObjectId)), state["reps"]);
        repChoices["isMultiSelect"] = true;
        card.Add(repChoices);
        card.Execute(T.Get(c, "reminders.config.save"), SaveVerb, new JsonObject { ["version"] = version });
        return card.Build();
    }

    static IEnumerable<(string, string)> Weekdays(CultureInfo c) =>
        Enumerable.Range(1, 7).Select(d => (c.DateTimeFormat.GetDayName((DayOfWeek)(d % 7)), d.ToString(CultureInfo.InvariantCulture)));

    static IEnumerable<(string, string)> MonthDays(CultureInfo c) =>
        Enumerable.Range(1, 28).Select(d => (T.Get(c, "reminders.config.day.monthly", d), d.ToString(CultureInfo.InvariantCulture)));
}
