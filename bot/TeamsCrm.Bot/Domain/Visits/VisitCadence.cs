namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// How often a customer is to be visited, in days, by level (the regulations: key accounts are visited by their level).
/// A customer's interval is the shortest of those that apply: its tier's, and each key-account class's it has. Strategic
/// and group follow the sales manager's setting; unset (null), they add nothing and the tier's interval decides.
/// </summary>
public sealed record CadenceIntervals(
    int Important = 14, int Special = 30, int General = 60, int Quality = 14, int HighValue = 14, int? Strategic = null, int? Group = null)
{
    public static readonly CadenceIntervals Default = new();

    /// <summary>The shortest interval that applies to a customer of <paramref name="tier"/> with <paramref name="classes"/>.</summary>
    public int For(CustomerTier tier, KeyAccountClasses classes)
    {
        var days = tier switch { CustomerTier.Important => Important, CustomerTier.Special => Special, _ => General };
        if (classes.HasFlag(KeyAccountClasses.Quality)) days = Math.Min(days, Quality);
        if (classes.HasFlag(KeyAccountClasses.HighValue)) days = Math.Min(days, HighValue);
        if (classes.HasFlag(KeyAccountClasses.Strategic) && Strategic is { } strategic) days = Math.Min(days, strategic);
        if (classes.HasFlag(KeyAccountClasses.Group) && Group is { } group) days = Math.Min(days, group);
        return days;
    }
}

/// <summary>A customer whose visit falls due: on <see cref="DueOn"/>; <see cref="DaysOverdue"/> is negative while still ahead.</summary>
public sealed record DueCustomer(Customer Customer, DateOnly DueOn, int IntervalDays, int DaysOverdue)
{
    public bool IsOverdue => DaysOverdue > 0;
    public bool IsKeyAccount => Customer.KeyAccount != KeyAccountClasses.None;
}

/// <summary>Visit cadence (拜访频率): when each customer is next due, and which are due soon. Days are the rep's local days.</summary>
public static class VisitCadence
{
    /// <summary>"Due soon" looks this many days ahead.</summary>
    public const int SoonDays = 7;

    /// <summary>The last contact (else the file's creation), as a local day, plus the customer's interval.</summary>
    public static DueCustomer Of(Customer customer, CadenceIntervals intervals, DateOnly today, TimeZoneInfo zone)
    {
        var interval = intervals.For(customer.Tier, customer.KeyAccount);
        var since = LocalCalendar.DateOf(customer.LastContactAt ?? customer.CreatedAt, zone);
        var due = since.AddDays(interval);
        return new DueCustomer(customer, due, interval, today.DayNumber - due.DayNumber);
    }

    /// <summary>
    /// Active files overdue or due within <paramref name="withinDays"/> of <paramref name="today"/>, most overdue first
    /// (then by name): a pending file is not yet a customer to visit, a deleted one no longer is.
    /// </summary>
    public static IReadOnlyList<DueCustomer> Due(IEnumerable<Customer> customers, CadenceIntervals intervals, DateOnly today, TimeZoneInfo zone,
        int withinDays = SoonDays) =>
        [.. customers.Where(x => x.Status == CustomerStatus.Active)
            .Select(x => Of(x, intervals, today, zone))
            .Where(d => d.DaysOverdue >= -withinDays)
            .OrderByDescending(d => d.DaysOverdue).ThenBy(d => d.Customer.Name, StringComparer.Ordinal).ThenBy(d => d.Customer.Number, StringComparer.Ordinal)];

    /// <summary>How many active key accounts are overdue (for the channel's plan reminder and the manager's analysis).</summary>
    public static int OverdueKeyAccounts(IEnumerable<Customer> customers, CadenceIntervals intervals, DateOnly today, TimeZoneInfo zone) =>
        Due(customers, intervals, today, zone, withinDays: 0).Count(d => d.IsOverdue && d.IsKeyAccount);
}
