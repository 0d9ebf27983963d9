using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Tests.Archive;

public abstract partial class CustomerFilesContract
{
    ArchiveEntry Entry(Customer c, string id, EntryType type, DateOnly date, decimal? amount, string? description = null) =>
        new(id, c.Number, EntryTypes.CategoryOf(type), type, date, amount, "REF-" + id, description, null, LiNa, Clock.GetUtcNow());

    [Fact]
    public async Task An_added_contact_comes_after_the_ones_filed_before_it()
    {
        var customer = await Files.CreateAsync(Draft("Huadong Precision", contacts: [new("王经理", "采购经理", null, null, ContactRole.Primary)]), NewSubmissionId());

        var added = await Files.AddContactAsync(customer.Number, new("Liam O'Brien", "Engineer \"QA\"", "138 0013 8000", "liam@example.com", ContactRole.Influencer));

        var contacts = (await Files.GetFileAsync(customer.Number))!.Contacts;
        Assert.Equal(["王经理", "Liam O'Brien"], contacts.Select(c => c.Name));
        Assert.Equal(added, contacts[1]);
        Assert.Equal(new Contact(added.Id, customer.Number, "Liam O'Brien", "Engineer \"QA\"", "138 0013 8000", "liam@example.com", ContactRole.Influencer), added);
    }

    [Fact]
    public async Task Entries_come_back_exactly_newest_date_first_and_only_under_their_customer()
    {
        var customer = await CreateAsync("Huadong Precision");
        var other = await CreateAsync("Other Ltd");
        var contract = Entry(customer, "e-contract", EntryType.Contract, new DateOnly(2026, 1, 5), 12_345_678.90m, "合同 No. 2026-001, 'CNC line'");
        var repayment = Entry(customer, "e-repayment", EntryType.Repayment, new DateOnly(2026, 2, 10), 0.01m);
        var licence = Entry(customer, "e-licence", EntryType.Document, new DateOnly(2025, 12, 1), null, "营业执照");
        var complaint = Entry(customer, "e-complaint", EntryType.Complaint, new DateOnly(2026, 2, 20), null) with { Result = "Replaced the spindle" };

        foreach (var e in new[] { contract, repayment, licence, complaint })
            Assert.Equal(e, await Files.AddEntryAsync(e));
        await Files.AddEntryAsync(Entry(other, "e-other", EntryType.Order, new DateOnly(2026, 3, 1), 100m));

        Assert.Equal([complaint, repayment, contract, licence], (await Files.GetFileAsync(customer.Number))!.Entries);
    }

    [Fact]
    public async Task A_redelivered_entry_is_filed_once()
    {
        var customer = await CreateAsync("Huadong Precision");
        var shipment = Entry(customer, "e-shipment", EntryType.Shipment, new DateOnly(2026, 3, 1), 5_000m);

        await Files.AddEntryAsync(shipment);
        Clock.Advance(TimeSpan.FromSeconds(30));
        var again = await Files.AddEntryAsync(shipment with { CreatedAt = Clock.GetUtcNow() });

        Assert.Equal(shipment, again);
        Assert.Equal([shipment], (await Files.GetFileAsync(customer.Number))!.Entries);
    }

    [Fact]
    public async Task Filing_a_contact_or_an_entry_does_not_conflict_with_an_edit_opened_before()
    {
        var opened = await CreateAsync("Huadong Precision");
        await Files.AddContactAsync(opened.Number, new("王经理", null, null, null, ContactRole.Primary));
        await Files.AddEntryAsync(Entry(opened, "e-1", EntryType.Order, new DateOnly(2026, 3, 2), 10m));

        var saved = await Files.UpdateAsync(opened with { Region = "华东" }, []);

        Assert.Equal("华东", saved.Region);
    }

    [Fact]
    public async Task Grants_come_back_in_the_order_they_start_and_a_repeated_grant_is_kept_once()
    {
        var customer = await CreateAsync("Huadong Precision");
        var other = await CreateAsync("Other Ltd");
        var now = Clock.GetUtcNow();
        var later = new AccessGrant(customer.Number, Tom, LiNa, now.AddDays(7), now.AddDays(14));
        var sooner = new AccessGrant(customer.Number, Tom, LiNa, now, now.AddDays(1));

        await Files.AddGrantAsync(later);
        await Files.AddGrantAsync(sooner);
        await Files.AddGrantAsync(sooner);
        await Files.AddGrantAsync(new AccessGrant(other.Number, Tom, LiNa, now, now.AddDays(1)));

        Assert.Equal([sooner, later], await Files.GrantsForAsync(customer.Number));
        Assert.Empty(await Files.GrantsForAsync("C-2026-00099"));
    }

    [Fact]
    public async Task The_access_log_comes_back_newest_first_and_only_for_its_customer()
    {
        var customer = await CreateAsync("Huadong Precision");
        var other = await CreateAsync("Other Ltd");
        var first = new AccessLogEntry(customer.Number, Tom, Clock.GetUtcNow(), "file card", Full: false);
        Clock.Advance(TimeSpan.FromHours(1));
        var second = new AccessLogEntry(customer.Number, Tom, Clock.GetUtcNow(), "完整档案 (granted by Li Na)", Full: true);

        await Files.LogAccessAsync(first);
        await Files.LogAccessAsync(second);
        await Files.LogAccessAsync(new AccessLogEntry(other.Number, Tom, Clock.GetUtcNow(), "file card", Full: false));

        Assert.Equal([second, first], await Files.AccessLogAsync(customer.Number));
    }
}
