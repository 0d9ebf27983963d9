using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>A file that is already on record for the same customer, and the field that matched (name, phone or creditCode).</summary>
public sealed record Duplicate(Customer File, string Field);

/// <summary>
/// The same customer must not be filed twice (DOMAIN.md): the same name once normalised ("ACME Ltd." =
/// "acme ltd"), the same phone or the same unified social credit code. A name counts against every file's name
/// and aliases, and the new file's aliases count as names too (华东精密 filed once as a name, once as an alias of
/// Huadong Precision Machinery, is the same customer). Each check is one indexed query.
/// </summary>
public static class Duplicates
{
    public static async Task<IReadOnlyList<Duplicate>> FindAsync(ICustomerFiles files, string? name, string? phone, string? creditCode,
        string? aliases, string? exceptNumber, CancellationToken ct)
    {
        var found = new List<Duplicate>();
        foreach (var (one, field) in (name is null ? [] : new[] { (name, "name") }).Concat(CustomerAliases.Split(aliases).Select(a => (a, "aliases"))))
        {
            var normalized = CustomerNames.Normalize(one);
            // Exact matches sort first among the names that start with it, so a few suffice.
            foreach (var c in await files.FindByNamePrefixAsync(one, 10, ct))
                if (CustomerAliases.NormalizedNames(c).Contains(normalized) && found.All(d => d.File.Number != c.Number))
                    found.Add(new Duplicate(c, field));
        }
        if (phone is not null)
            found.AddRange((await files.FindByPhoneAsync(phone, ct)).Select(c => new Duplicate(c, "phone")));
        if (creditCode is not null)
            found.AddRange((await files.FindByCreditCodeAsync(creditCode, ct)).Select(c => new Duplicate(c, "creditCode")));
        return [.. found.Where(d => d.File.Number != exceptNumber)];
    }
}
