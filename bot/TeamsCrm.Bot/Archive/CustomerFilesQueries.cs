using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Archive;

/// <summary>Queries made of several <see cref="ICustomerFiles"/> calls.</summary>
public static class CustomerFilesQueries
{
    /// <summary>Owners' queries in flight at once: on SharePoint each is a round trip, one after another they add up.</summary>
    const int InFlight = 4;

    /// <summary>The files of each of <paramref name="owners"/>, in the order given.</summary>
    public static async Task<IReadOnlyList<(string Owner, IReadOnlyList<Customer> Files)>> ListByOwnersAsync(this ICustomerFiles files,
        IReadOnlyList<string> owners, CancellationToken ct = default)
    {
        var found = new IReadOnlyList<Customer>[owners.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, owners.Count), new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = ct },
            async (i, token) => found[i] = await files.ListByOwnerAsync(owners[i], token));
        return [.. owners.Select((owner, i) => (owner, found[i]))];
    }
}
