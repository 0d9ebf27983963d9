namespace TeamsCrm.Bot.Domain;

/// <summary>What a customer owes (欠款 less 还款), and how much of it is overdue.</summary>
public sealed record ReceivableBalance(decimal Outstanding, decimal Overdue, DateOnly? OldestOverdue);

/// <summary>
/// A customer's receivables from its credit entries: repayments settle the oldest debts first (as a ledger does), and what
/// is left of a debt older than the payment term on <paramref name="today"/> is overdue.
/// </summary>
public static class Receivables
{
    public static ReceivableBalance Of(IEnumerable<ArchiveEntry> entries, DateOnly today, int paymentTermDays)
    {
        var list = entries.Where(e => e.Amount is > 0).ToList();
        var repaid = list.Where(e => e.Type == EntryType.Repayment).Sum(e => e.Amount!.Value);
        decimal outstanding = 0, overdue = 0;
        DateOnly? oldest = null;
        foreach (var debt in list.Where(e => e.Type == EntryType.Debt).OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            var settled = Math.Min(repaid, debt.Amount!.Value);
            repaid -= settled;
            var left = debt.Amount.Value - settled;
            if (left == 0) continue;
            outstanding += left;
            if (debt.Date.AddDays(paymentTermDays) >= today) continue;
            overdue += left;
            oldest ??= debt.Date;
        }
        return new ReceivableBalance(outstanding, overdue, oldest);
    }
}
