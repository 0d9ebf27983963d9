using TeamsCrm.Bot.Domain;
using TeamsCrm.FakeGraph;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>
/// Far past the 5,000-item list view threshold: every finder is driven by one index, so the fake (which refuses what
/// SharePoint refuses) serves it, and long answers are read page by page through @odata.nextLink.
/// </summary>
public sealed class SharePointScaleTests(TwentyThousandCustomers data) : IClassFixture<TwentyThousandCustomers>
{
    FakeGraphServer Server => data.SharePoint.Server;

    static IEnumerable<Customer> Listed(IEnumerable<Customer> all) => all.Where(c => c.Status != CustomerStatus.Purged);

    static List<string> ByName(IEnumerable<Customer> customers) => [.. customers
        .OrderBy(c => CustomerNames.Normalize(c.Name), StringComparer.Ordinal).ThenBy(c => c.Number, StringComparer.Ordinal).Select(c => c.Number)];

    [Fact]
    public async Task Finding_a_file_by_number_is_one_call()
    {
        Server.ResetCounters();

        var found = await data.Files.GetAsync(TwentyThousandCustomers.NumberOf(12_345));

        Assert.Equal(data.Seeded[12_344] with { Version = found!.Version }, found);
        Assert.Equal(1, Server.Counters.HttpCalls);
        Assert.Equal("Number", Server.Queries.Single().DrivingIndex);
        Assert.Null(await data.Files.GetAsync("C-2025-99999"));
    }

    [Fact]
    public async Task Opening_a_customer_card_is_at_most_three_calls()
    {
        var number = TwentyThousandCustomers.NumberOf(4_321);
        await data.Files.AddContactAsync(number, new NewContact("王经理", "采购经理", null, null, ContactRole.DecisionMaker));
        await data.Files.AddEntryAsync(new ArchiveEntry("scale-e1", number, ArchiveCategory.Contracts, EntryType.Contract,
            new DateOnly(2026, 1, 5), 1_000_000m, null, null, null, data.Seeded[0].OwnerAadObjectId, data.Clock.GetUtcNow()));
        Server.ResetCounters();

        var file = await data.Files.GetFileAsync(number);

        Assert.Equal("王经理", Assert.Single(file!.Contacts).Name);
        Assert.Single(file.Entries);
        Assert.InRange(Server.Counters.HttpCalls, 1, 3);
        Assert.Equal(1, Server.Counters.HttpCalls);   // today: one $batch with the four queries
        Assert.Equal(["CustomerNumber", "CustomerNumber", "CustomerNumber", "Number"], Server.Queries.Select(q => q.DrivingIndex).Order());
    }

    [Fact]
    public async Task A_name_prefix_finds_the_first_files_by_name_in_one_call()
    {
        Server.ResetCounters();

        var found = await data.Files.FindByNamePrefixAsync("Huahe", 10);

        var expected = ByName(Listed(data.Seeded).Where(c => CustomerNames.Normalize(c.Name).StartsWith("huahe", StringComparison.Ordinal)));
        Assert.True(expected.Count > 10);
        Assert.Equal(expected.Take(10), found.Select(c => c.Number));
        Assert.Equal(1, Server.Counters.HttpCalls);
        data.SharePoint.AssertEveryQueryUsedOneIndex();
    }

    [Fact]
    public async Task A_rep_s_files_are_listed_in_full_following_nextLink_without_purged_ones()
    {
        var owner = TwentyThousandCustomers.Owners[3];
        Server.ResetCounters();

        var mine = await data.Files.ListByOwnerAsync(owner);

        var expected = ByName(Listed(data.Seeded).Where(c => c.OwnerAadObjectId == owner));
        Assert.Equal(expected, mine.Select(c => c.Number));
        Assert.Equal(3, Server.Counters.HttpCalls);                               // 2,500 files, pages of 1,000
        Assert.Equal(3, Server.Queries.Count(q => q.DrivingIndex == "Owner"));
        data.SharePoint.AssertEveryQueryUsedOneIndex();
    }

    [Fact]
    public async Task Quotes_and_Chinese_in_names_and_owners_are_found_as_plain_text()
    {
        Assert.Equal(["O'Brien & Sons"], (await data.Files.FindByNamePrefixAsync("O'Brien", 10)).Select(c => c.Name));
        Assert.Equal(["'single' Quotes"], (await data.Files.FindByNamePrefixAsync("'single'", 10)).Select(c => c.Name));
        Assert.Equal(["''double'' Quotes Ltd"], (await data.Files.FindByNamePrefixAsync("''double''", 10)).Select(c => c.Name));
        Assert.Equal(["华东精密机械有限公司"], (await data.Files.FindByNamePrefixAsync("华东", 10)).Select(c => c.Name));
        Assert.Equal(["华东精密机械有限公司", "华南重工"], (await data.Files.FindByNamePrefixAsync("华", 10)).Select(c => c.Name));
        Assert.Equal(TwentyThousandCustomers.Quoted.Length,
            (await data.Files.ListByOwnerAsync(TwentyThousandCustomers.QuotedOwner)).Count);
        Assert.Empty(await data.Files.FindByNamePrefixAsync("x' or fields/Owner ne '", 10));
        Assert.Empty(await data.Files.ListByOwnerAsync("x' or fields/Title ne 'y"));
        Assert.Contains(Server.Queries, q => q.Filter == "fields/Owner eq 'owner-with-a-quote-''x'''");
        data.SharePoint.AssertEveryQueryUsedOneIndex();
    }

    [Fact]
    public async Task Phone_and_credit_code_searches_stay_on_their_index()
    {
        var found = await data.Files.FindByPhoneAsync("+86 138 0001 2345");

        Assert.Equal([TwentyThousandCustomers.NumberOf(12_345)], found.Select(c => c.Number));
        Assert.Empty(await data.Files.FindByCreditCodeAsync("91310115MA1K3YJ12X"));
        data.SharePoint.AssertEveryQueryUsedOneIndex();
    }

    [Fact]
    public async Task A_prefix_matching_more_than_five_thousand_files_is_refused_by_SharePoint_not_scanned()
    {
        // Through Graph the refusal is a 429 like throttling, so the SDK tries it again (in vain) before giving up.
        var error = await Assert.ThrowsAnyAsync<Microsoft.Kiota.Abstractions.ApiException>(() => data.Files.FindByNamePrefixAsync("Zhong", 10));

        Assert.Equal(429, error.ResponseStatusCode);
        Assert.Contains(Server.Queries, q => q.Outcome == QueryOutcome.OverThreshold);
    }
}
