using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Plans;

/// <summary>
/// The plan editor (table 5-28): the week's planned visits as lines, and one row of inputs to add a visit. Each
/// add or remove is stored at once as a draft (草稿), so the card holds one set of inputs however long the plan
/// grows (a form with inputs per row outgrows Teams' card size at about eight rows), and a plan half done is
/// there the next time. Every button carries the week, the version the card shows and a submission id: the same
/// press twice changes the plan once, and a card older than the stored plan changes nothing unseen.
/// </summary>
public static class PlanForm
{
    /// <summary>A week's plan holds at most this many visits (five a day on working days).</summary>
    public const int MaxItems = 25;
    public const string Customer = "customer", Type = "type", Purpose = "purpose", Day = "day", Time = "time", Contact = "contact", Notes = "notes";
    public static readonly string[] Fields = [Customer, Type, Purpose, Day, Time, Contact, Notes];
    /// <summary>The week's action plan (table 5-5): saved with Add, Submit and Save the action plan, whatever else the press does.</summary>
    public const string KeyGoals = "keyGoals", KeyProducts = "keyProducts", KeyCustomers = "keyCustomers";
    public const int ActionMaxLength = 1000;
    /// <summary>The data key of a Suggested customer's Add button (not an input: the press carries no inputs).</summary>
    public const string SuggestedCustomer = "suggested";
    /// <summary>A Suggested customer added at one press is planned for a relationship visit (客情维护): a visit kept by cadence.</summary>
    public const VisitPurpose SuggestedPurpose = VisitPurpose.Relationship;

    public sealed record Frame(IsoWeek Week, string Version, string SubmissionId)
    {
        public JsonObject Data(params (string Key, string Value)[] more)
        {
            var data = new JsonObject { ["week"] = Week.ToString(), ["version"] = Version, ["submissionId"] = SubmissionId };
            foreach (var (key, value) in more) data[key] = value;
            return data;
        }

        /// <summary>The frame a card sent back; null when it is not one of ours (an old or forged card).</summary>
        public static Frame? From(Turn turn) =>
            IsoWeek.TryParse(turn.DataString("week"), out var week) && SubmissionIds.Parse(turn.DataString("submissionId")) is { } id
                ? new Frame(week, turn.DataString("version") ?? "", id)
                : null;
    }

    /// <summary>Whether the add row holds anything worth adding (Submit adds a filled-in row before submitting).</summary>
    public static bool HasNewItem(FormReader f) => f.Raw(Customer) is not null;

    /// <summary>The add row as typed; null (and messages beside its fields) when it cannot be a planned visit.</summary>
    /// <param name="customer">The row's customer, read and access-checked by the caller; null when there is none.</param>
    /// <param name="now">When it is added: a day already over in <paramref name="zone"/> cannot be planned any more.</param>
    public static VisitPlanItem? Read(FormReader f, IsoWeek week, Domain.Customer? customer, string id, DateTimeOffset now, TimeZoneInfo zone)
    {
        var type = f.Choice<CustomerCategory>(Type);
        var purpose = f.Choice<VisitPurpose>(Purpose, required: true);
        var day = f.OneOf(Day, ["1", "2", "3", "4", "5", "6", "7"], required: true);
        var time = f.Time(Time);
        var contact = f.Text(Contact);
        var notes = f.Text(Notes);
        var date = day is null ? (DateOnly?)null : week.Monday.AddDays(int.Parse(day, CultureInfo.InvariantCulture) - 1);
        if (date is { } d && now >= LocalCalendar.EndOfDay(d, zone))
        {
            f.Fail(Day, "plans.dayOver");
            return null;
        }
        if (customer is null || purpose is null || date is null) return null;
        return new VisitPlanItem(id, customer.Number, type ?? customer.Category, purpose.Value, date.Value, time, contact, notes, customer.Name, now);
    }

    /// <summary>The add row's day: today in this week, else the week's Monday (ISO day number, 1 = Monday).</summary>
    public static int DefaultDay(IsoWeek week, DateOnly today) => week.Contains(today) ? LocalCalendar.IsoDayOfWeek(today) : 1;

    /// <summary>A Suggested customer as a planned visit: on the add row's default day, its category as type, no time, contact or notes.</summary>
    public static VisitPlanItem Suggested(Domain.Customer customer, IsoWeek week, string id, DateTimeOffset now, TimeZoneInfo zone) =>
        new(id, customer.Number, customer.Category, SuggestedPurpose,
            week.Monday.AddDays(DefaultDay(week, LocalCalendar.Today(now, zone)) - 1), CustomerName: customer.Name, AddedAt: now);

    /// <summary>
    /// The action plan as sent: a field the press carried is taken as typed (emptied = cleared), one it did not carry (a
    /// button without inputs) keeps the stored text. Too long a text is a message beside its field.
    /// </summary>
    public static (string? Goals, string? Products, string? Customers) ReadActions(FormReader f, JsonObject data, VisitPlan? stored) =>
        (Action(f, data, KeyGoals, stored?.KeyGoals), Action(f, data, KeyProducts, stored?.KeyProducts), Action(f, data, KeyCustomers, stored?.KeyCustomers));

    static string? Action(FormReader f, JsonObject data, string id, string? stored) =>
        data.ContainsKey(id) ? f.MultiLine(id, maxLength: ActionMaxLength) : stored;

    /// <summary>The editor's values with the stored action plan where the press did not carry it.</summary>
    public static FormState WithActions(FormState state, VisitPlan? stored)
    {
        var values = state.Values.DeepClone().AsObject();
        foreach (var (id, text) in new[] { (KeyGoals, stored?.KeyGoals), (KeyProducts, stored?.KeyProducts), (KeyCustomers, stored?.KeyCustomers) })
            if (!values.ContainsKey(id) && text is not null) values[id] = text;
        return state with { Values = values };
    }

    /// <summary>Item ids are small numbers, unique within the plan, never reused while the plan lives.</summary>
    public static string NextId(IReadOnlyList<VisitPlanItem> items) =>
        (items.Select(i => int.TryParse(i.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1)
            .ToString(CultureInfo.InvariantCulture);
}
