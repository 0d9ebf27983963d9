using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>
/// What every <see cref="ICustomerFiles"/> must do, SQLite and SharePoint alike: derive, create a fresh, empty
/// archive on the given clock, and delete it afterwards. Each test gets its own archive (xUnit makes a new
/// instance per test). Orders the contract fixes where the interface is silent: finders by normalised name,
/// contacts as added, entries newest date first, history newest first (one update's records as given),
/// grants by start, access log newest first.
/// </summary>
public abstract partial class CustomerFilesContract : IAsyncLifetime
{
    /// <summary>Whole seconds throughout, so that every store can keep the times exactly.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    protected ICrmArchive Archive { get; private set; } = null!;
    protected ICustomerFiles Files => Archive.Customers;

    protected static readonly string LiNa = Demo.LiNa.AadObjectId;
    protected static readonly string Tom = Demo.TomBecker.AadObjectId;

    protected abstract Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock);
    protected abstract Task DeleteArchiveAsync();

    public async Task InitializeAsync() => Archive = await CreateArchiveAsync(Clock);
    public Task DisposeAsync() => DeleteArchiveAsync();

    protected static NewCustomer Draft(string name, string? owner = null, string? phone = null, string? creditCode = null,
        IReadOnlyList<NewContact>? contacts = null) =>
        new(CustomerKind.Enterprise, name, owner ?? LiNa, Phone: phone, CreditCode: creditCode, Contacts: contacts);

    protected Task<Customer> CreateAsync(string name, string? owner = null, string? phone = null, string? creditCode = null) =>
        Files.CreateAsync(Draft(name, owner, phone, creditCode), NewSubmissionId());

    protected static string NewSubmissionId() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Starts the calls on threads of their own and releases them together, so that they really overlap: the
    /// thread pool of a small machine would start them a few at a time, and a store whose async calls complete
    /// synchronously (SQLite) would then never see two at once.
    /// </summary>
    internal static async Task<T[]> AllAtOnceAsync<T>(int count, Func<int, Task<T>> call)
    {
        using var start = new Barrier(count);
        var calls = Enumerable.Range(0, count).Select(i => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return call(i);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToArray();
        return await Task.WhenAll(calls);
    }

    [Fact]
    public async Task A_new_file_is_pending_with_the_next_number_of_the_year()
    {
        var first = await CreateAsync("Huadong Precision");
        var second = await CreateAsync("Nanjing Logistics");

        Assert.Equal("C-2026-00001", first.Number);
        Assert.Equal("C-2026-00002", second.Number);
        Assert.Equal(CustomerStatus.Pending, first.Status);
        Assert.Equal(Clock.GetUtcNow(), first.CreatedAt);
        Assert.Equal(Clock.GetUtcNow(), first.UpdatedAt);
        Assert.NotEqual("", first.Version);
        Assert.Equal(first, await Files.GetAsync(first.Number));
    }

    [Fact]
    public async Task Numbering_starts_again_in_a_new_UTC_year()
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero));   // 07:00 on 1 January in Shanghai: still 2026
        await CreateAsync("Late Order Ltd");
        await CreateAsync("Later Order Ltd");
        Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal("C-2027-00001", (await CreateAsync("New Year Trading")).Number);
        Assert.Equal("C-2027-00002", (await CreateAsync("New Year Logistics")).Number);
    }

    [Fact]
    public async Task Twenty_files_created_at_once_get_twenty_consecutive_numbers()
    {
        var created = await AllAtOnceAsync(20, i => CreateAsync($"Parallel Customer {i}"));

        var expected = Enumerable.Range(1, 20).Select(i => $"C-2026-{i:D5}");
        Assert.Equal(expected, created.Select(c => c.Number).Order(StringComparer.Ordinal));
        foreach (var c in created)
            Assert.Equal(c.Name, (await Files.GetAsync(c.Number))?.Name);
    }

    [Fact]
    public async Task The_same_submission_twice_returns_the_first_file_and_uses_no_second_number()
    {
        var first = await Files.CreateAsync(Draft("Huadong Precision"), "submission-1");
        var again = await Files.CreateAsync(Draft("Huadong Precision (edited)"), "submission-1");

        Assert.Equal(first, again);
        Assert.Equal("C-2026-00002", (await CreateAsync("Next Customer")).Number);
        Assert.Single(await Files.FindByNamePrefixAsync("Huadong", 10));
    }

    [Fact]
    public async Task The_same_submission_delivered_ten_times_at_once_files_one_customer()
    {
        var results = await AllAtOnceAsync(10, _ => Files.CreateAsync(Draft("Redelivered Ltd"), "submission-redelivered"));

        Assert.Single(results.Select(r => r.Number).Distinct());
        Assert.Single(await Files.FindByNamePrefixAsync("Redelivered", 10));
        Assert.Equal("C-2026-00002", (await CreateAsync("Next Customer")).Number);
    }

    [Fact]
    public async Task Contacts_given_with_a_new_file_are_filed_with_it_in_the_order_given()
    {
        var contacts = new NewContact[]
        {
            new("王经理", "采购经理", "+86 138-0013-8000", "wang@huadong.example", ContactRole.DecisionMaker),
            new("Liam O'Brien", null, null, null, ContactRole.InsideContact),
        };
        var customer = await Files.CreateAsync(Draft("Huadong Precision", contacts: contacts), NewSubmissionId());

        var file = await Files.GetFileAsync(customer.Number);
        Assert.Equal(contacts, file!.Contacts.Select(c => new NewContact(c.Name, c.Title, c.Phone, c.Email, c.Role)));
        Assert.All(file.Contacts, c => Assert.Equal(customer.Number, c.CustomerNumber));
        Assert.Equal(2, file.Contacts.Select(c => c.Id).Distinct().Count());
    }

    /// <summary>
    /// The second contact has no name, which every store must refuse; by then the customer and the first
    /// contact are written. Whatever was written must go, including the number: the retry of the same
    /// submission gets it, and finds no leftover contact under it.
    /// </summary>
    [Fact]
    public async Task A_create_that_fails_half_way_leaves_no_file_no_contacts_and_no_used_number()
    {
        await CreateAsync("First Customer");
        var broken = Draft("Half Way Ltd", contacts: [new("Good Contact", null, null, null, ContactRole.Primary), new(null!, null, null, null, ContactRole.User)]);

        await Assert.ThrowsAnyAsync<Exception>(() => Files.CreateAsync(broken, "submission-half-way"));

        Assert.Null(await Files.GetAsync("C-2026-00002"));
        Assert.Empty(await Files.FindByNamePrefixAsync("Half Way", 10));
        var retried = await Files.CreateAsync(Draft("Half Way Ltd", contacts: [new("Only Contact", null, null, null, ContactRole.Primary)]), "submission-half-way");
        Assert.Equal("C-2026-00002", retried.Number);
        Assert.Equal(["Only Contact"], (await Files.GetFileAsync(retried.Number))!.Contacts.Select(c => c.Name));
    }

    [Fact]
    public async Task A_cancelled_create_files_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Files.CreateAsync(Draft("Cancelled Ltd"), "submission-cancelled", cancelled.Token));

        Assert.Empty(await Files.FindByNamePrefixAsync("Cancelled", 10));
        Assert.Equal("C-2026-00001", (await Files.CreateAsync(Draft("Cancelled Ltd"), "submission-cancelled")).Number);
    }

    [Fact]
    public async Task An_unknown_number_is_no_file()
    {
        await CreateAsync("Huadong Precision");
        Assert.Null(await Files.GetAsync("C-2026-00099"));
        Assert.Null(await Files.GetFileAsync("C-2026-00099"));
    }
}
