namespace TeamsCrm.Bot.Domain;

/// <summary>
/// The computed key-account classes (大客户). DOMAIN.md: quality (优质) = cumulative signed contract value over
/// 10,000,000 with good payment credit, or referred another customer who then signed; high-value (高值) = a single
/// contract over 10,000,000 with good payment credit. Group and strategic are a manager's decision and are kept.
/// </summary>
public static class KeyAccountRules
{
    public const decimal Threshold = 10_000_000m;

    /// <summary>Ratings that count as good payment credit (信用良好).</summary>
    public static readonly IReadOnlySet<string> GoodRatings = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "AAA", "AA", "A" };

    public static bool HasGoodPaymentCredit(Credit credit) => credit.Rating is { } r && GoodRatings.Contains(r.Trim());

    /// <param name="entries">The customer's archive entries; only signed contracts and orders with an amount count.</param>
    /// <param name="referredACustomerWhoSigned">This customer referred another customer who then signed.</param>
    public static KeyAccountClasses Classify(KeyAccountClasses current, Credit credit, IEnumerable<ArchiveEntry> entries, bool referredACustomerWhoSigned) =>
        ClassifySigned(current, credit, entries.Where(e => e.Type is EntryType.Contract or EntryType.Order && e.Amount is > 0).Select(e => e.Amount!.Value),
            referredACustomerWhoSigned);

    /// <param name="signed">The amounts of the customer's signed contracts and orders (each above zero).</param>
    public static KeyAccountClasses ClassifySigned(KeyAccountClasses current, Credit credit, IEnumerable<decimal> signed, bool referredACustomerWhoSigned)
    {
        var contracts = signed.ToList();
        var good = HasGoodPaymentCredit(credit);
        var classes = current & (KeyAccountClasses.Group | KeyAccountClasses.Strategic);   // manual classes stay
        if ((good && contracts.Sum() > Threshold) || referredACustomerWhoSigned) classes |= KeyAccountClasses.Quality;
        if (good && contracts.Any(a => a > Threshold)) classes |= KeyAccountClasses.HighValue;
        return classes;
    }
}
