using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.Bot.Tests.Archive.SharePoint;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>The customer card's two reads: a reader's search with the grants they hold, and the whole file with the read logged beside it.</summary>
public abstract partial class CustomerFilesContract
{
    [Fact]
    public async Task The_whole_file_is_what_each_store_gives_of_it_and_logs_the_read_given()
    {
        var huadong = await CreateAsync("Huadong Precision");
        var other = await CreateAsync("Nanjing Logistics");
        await Files.AddContactAsync(huadong.Number, new NewContact("王经理", "采购经理", null, null, ContactRole.Primary));
        await Files.UpdateAsync(huadong with { Region = "华东" }, [new ChangeRecord(huadong.Number, "Region", null, "华东", LiNa, Clock.GetUtcNow(), null, null)]);
        await Files.AddEntryAsync(new ArchiveEntry("e-1", huadong.Number, ArchiveCategory.Contracts, EntryType.Contract, new DateOnly(2026, 3, 1), 120_000m,
            "HT-1", null, null, LiNa, Clock.GetUtcNow()));
        foreach (var (at, customer) in new[] { ("2026-03-01T10:00:00+08:00", huadong), ("2026-02-20T10:00:00+08:00", huadong), ("2026-02-27T10:00:00+08:00", other) })
            await Archive.Visits.AddOnceAsync(SampleVisits.To(customer, at));
        await Archive.Approvals.CreateAsync(Request(huadong, "deletion:1"));
        await Archive.Approvals.CreateAsync(Request(other, "deletion:2"));
        var scan = await Archive.Documents.ReceiveAsync(Arrived(), new MemoryStream([1, 2, 3]), 1024);
        await Archive.Documents.FileAsync(scan, new DocumentPlacement(huadong.Number, ArchiveCategory.Basic, "Licence"), Clock.GetUtcNow());
        var read = new AccessLogEntry(huadong.Number, Tom, Clock.GetUtcNow(), "customer card: full file", true);

        var whole = (await Archive.WholeFiles.ReadAsync(huadong.Number, 1, read))!;

        var file = (await Files.GetFileAsync(huadong.Number))!;
        Assert.Equal(file.Customer, whole.File.Customer);
        Assert.Equal(file.Contacts, Assert.Single(whole.File.Contacts) is var contact ? [contact] : []);
        Assert.Equal(file.Entries, Assert.Single(whole.File.Entries) is var entry ? [entry] : []);
        Assert.Equal(file.History, Assert.Single(whole.File.History) is var change ? [change] : []);
        Assert.Equal(await Archive.Visits.ForCustomerAsync(huadong.Number, 1), whole.LatestVisits);
        Assert.Equal("2026-03-01", Assert.Single(whole.LatestVisits).Time.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((await Archive.Approvals.ForSubjectAsync(huadong.Number)).Select(a => a.Id), whole.Requests.Select(a => a.Id));
        Assert.Equal("deletion:1", Assert.Single(whole.Requests).RequestKey);
        Assert.Equal("Licence", Assert.Single(whole.Documents).Title);
        Assert.Equal(read, Assert.Single(await Files.AccessLogAsync(huadong.Number)));
        Assert.Empty(await Files.AccessLogAsync(other.Number));
    }

    [Fact]
    public async Task The_whole_file_without_a_read_to_log_logs_nothing_and_a_number_not_on_file_has_none()
    {
        var huadong = await CreateAsync("Huadong Precision");

        var whole = (await Archive.WholeFiles.ReadAsync(huadong.Number, 3))!;

        Assert.Equal(huadong, whole.File.Customer);
        Assert.Empty(whole.File.Contacts);
        Assert.Empty(whole.LatestVisits);
        Assert.Empty(whole.Requests);
        Assert.Empty(whole.Documents);
        Assert.Empty(await Files.AccessLogAsync(huadong.Number));
        Assert.Null(await Archive.WholeFiles.ReadAsync("C-2026-00099", 3));
    }

    [Fact]
    public async Task A_readers_search_finds_as_the_finders_do_with_every_grant_the_reader_holds()
    {
        var huadong = await CreateAsync("Huadong Precision", phone: "021 5555 0100");
        var hualian = await CreateAsync("Hualian Trading", owner: Tom);
        var now = Clock.GetUtcNow();
        await Files.AddGrantAsync(new AccessGrant(hualian.Number, LiNa.ToUpperInvariant(), Tom, now, now.AddDays(7)));
        await Files.AddGrantAsync(new AccessGrant(huadong.Number, LiNa, Tom, now.AddDays(-30), now.AddDays(-20)));
        await Files.AddGrantAsync(new AccessGrant(huadong.Number, Tom, LiNa, now, now.AddDays(7)));   // someone else's

        var byNumber = await Files.FindForAsync(CustomerQuery.Number(hualian.Number), LiNa);
        var byPhone = await Files.FindForAsync(CustomerQuery.Phone("021 5555 0100"), LiNa);
        var byName = await Files.FindForAsync(CustomerQuery.NamePrefix("hua", 10), LiNa);
        var none = await Files.FindForAsync(CustomerQuery.Number("C-2026-00099"), Tom);

        Assert.Equal([hualian], byNumber.Files);
        Assert.Equal(await Files.FindByPhoneAsync("021 5555 0100"), byPhone.Files);
        Assert.Equal([huadong], byPhone.Files);
        Assert.Equal(await Files.FindByNamePrefixAsync("hua", 10), byName.Files);
        Assert.Equal(2, byName.Files.Count);
        Assert.Equal([(huadong.Number, now.AddDays(-30)), (hualian.Number, now)], byName.ReaderGrants.Select(g => (g.CustomerNumber, g.From)));
        Assert.Equal(byName.ReaderGrants, byNumber.ReaderGrants);
        Assert.Empty(none.Files);
        Assert.Equal(huadong.Number, Assert.Single(none.ReaderGrants).CustomerNumber);
        Assert.Empty(byName.Owned);
    }

    [Fact]
    public async Task A_readers_search_also_lists_the_files_of_the_owners_asked_for_owner_by_owner()
    {
        var huadong = await CreateAsync("Huadong Precision");
        var acme = await CreateAsync("Acme Tools", owner: Tom.ToUpperInvariant());
        var beta = await CreateAsync("Beta Works", owner: Tom);
        var gone = await CreateAsync("Gone Trading", owner: Tom);
        await Files.UpdateAsync(gone with { Status = CustomerStatus.Purged }, []);

        var found = await Files.FindForAsync(CustomerQuery.NamePrefix("hua", 5) with { AlsoOwnedBy = [Tom, LiNa] }, LiNa);

        Assert.Equal([huadong], found.Files);
        Assert.Equal([acme.Number, beta.Number, huadong.Number], found.Owned.Select(f => f.Number));
    }

    [Fact]
    public async Task A_readers_search_leaves_purged_files_out()
    {
        var gone = await CreateAsync("Gone Trading");
        await Files.UpdateAsync(gone with { Status = CustomerStatus.Purged }, []);

        Assert.Empty((await Files.FindForAsync(CustomerQuery.Number(gone.Number), LiNa)).Files);
        Assert.Empty((await Files.FindForAsync(CustomerQuery.NamePrefix("gone", 10), LiNa)).Files);
    }

    Approval Request(Customer about, string key) => new()
    {
        Id = Guid.NewGuid().ToString("N"), RequestKey = key, Kind = ApprovalKind.Deletion, Subject = about.Number, SubjectName = about.Name,
        RequesterAadObjectId = LiNa, ApproverAadObjectIds = [Demo.WangFang.AadObjectId], Payload = new ApprovalPayload("Closed down", null, null),
        CreatedAt = Clock.GetUtcNow(),
    };

    CustomerDocument Arrived() => new()
    {
        Id = Guid.NewGuid().ToString("N"), Title = "", OriginalName = "licence.pdf", ContentType = "application/pdf", Size = 0, ContentHash = "",
        UploadedByAadObjectId = LiNa, UploadedAt = Clock.GetUtcNow(),
    };
}
