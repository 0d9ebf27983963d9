using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Tests.Archive;

public abstract partial class CustomerFilesContract
{
    async Task<IEnumerable<string>> NamesFoundAsync(string prefix, int max = 50) =>
        (await Files.FindByNamePrefixAsync(prefix, max)).Select(c => c.Name);

    async Task FileSearchSamplesAsync()
    {
        foreach (var name in new[] { "ACME Trading", "abc Co", "Ａｃｍｅ　Widgets", "A_C Supplies", "Acme Ltd.", "O'Brien & Sons", "华东精密", "Apex" })
            await CreateAsync(name);
    }

    [Fact]
    public async Task Name_search_ignores_case_width_and_punctuation_and_orders_by_normalised_name()
    {
        await FileSearchSamplesAsync();

        string[] acmes = ["Acme Ltd.", "ACME Trading", "Ａｃｍｅ　Widgets"];   // acmeltd < acmetrading < acmewidgets
        Assert.Equal(acmes, await NamesFoundAsync("acme"));
        Assert.Equal(acmes, await NamesFoundAsync("Ａ.C.M.E"));
        Assert.Equal(["Acme Ltd."], await NamesFoundAsync("ACME l"));
        Assert.Equal(["华东精密"], await NamesFoundAsync("华东"));
        Assert.Equal(acmes[..2], await NamesFoundAsync("acme", max: 2));
    }

    [Fact]
    public async Task A_file_is_found_by_any_of_its_aliases_and_an_update_moves_them_and_a_file_found_twice_is_listed_once()
    {
        await FileSearchSamplesAsync();
        var huadong = await Files.CreateAsync(Draft("Huadong Precision Machinery", null, null, null) with { Aliases = "华东精密机械; HPM; 华东机械" },
            NewSubmissionId());

        Assert.Equal("华东精密机械; HPM; 华东机械", (await Files.GetAsync(huadong.Number))!.Aliases);
        Assert.Equal(["Huadong Precision Machinery", "华东精密"], await NamesFoundAsync("华东"));   // ordered by file name
        Assert.Equal(["Huadong Precision Machinery"], await NamesFoundAsync("hpm"));
        Assert.Equal(["Huadong Precision Machinery"], await NamesFoundAsync("华东机"));
        Assert.Equal(["Huadong Precision Machinery"], await NamesFoundAsync("huadong"));              // name and nothing twice

        var renamed = await Files.UpdateAsync(huadong with { Aliases = "沪东" }, []);
        Assert.Empty(await NamesFoundAsync("hpm"));
        Assert.Equal(["Huadong Precision Machinery"], await NamesFoundAsync("沪东"));
        Assert.Equal("沪东", renamed.Aliases);
    }

    [Fact]
    public async Task Percent_underscore_and_quotes_in_a_name_search_are_plain_text_not_wildcards_or_SQL()
    {
        await FileSearchSamplesAsync();

        Assert.Equal(["O'Brien & Sons"], await NamesFoundAsync("O'Brien"));
        Assert.Equal(["O'Brien & Sons"], await NamesFoundAsync("o’brien"));   // typographic apostrophe, as phones type it
        // As wildcards, "a_c" and "a%c" would find "abc Co"; as punctuation they drop out and leave "ac".
        Assert.DoesNotContain("abc Co", await NamesFoundAsync("a_c"));
        Assert.Contains("A_C Supplies", await NamesFoundAsync("a_c"));
        Assert.DoesNotContain("abc Co", await NamesFoundAsync("a%c"));
        Assert.Empty(await NamesFoundAsync("x' OR '1'='1"));
        Assert.Empty(await NamesFoundAsync("'; DROP TABLE customers; --"));
        Assert.Equal(3, (await Files.FindByNamePrefixAsync("acme", 50)).Count);   // and the archive is still whole
    }

    [Fact]
    public async Task A_prefix_with_nothing_to_search_for_finds_nothing()
    {
        await FileSearchSamplesAsync();

        foreach (var prefix in new[] { "", " ", "%", "_", "'", "…", "%%__" })
            Assert.Empty(await Files.FindByNamePrefixAsync(prefix, 50));
        Assert.Empty(await Files.FindByNamePrefixAsync("acme", 0));
    }

    [Fact]
    public async Task Phone_search_compares_digits_without_the_country_prefix()
    {
        var mobile = await CreateAsync("Mobile Ltd", phone: "13800138000");
        var formatted = await CreateAsync("Formatted Ltd", phone: "+86 138-0013-8000");
        await CreateAsync("Other Ltd", phone: "13800138001");

        string[] both = [formatted.Number, mobile.Number];   // by normalised name: formattedltd < mobileltd
        Assert.Equal(both, (await Files.FindByPhoneAsync("+86 138-0013-8000")).Select(c => c.Number));
        Assert.Equal(both, (await Files.FindByPhoneAsync("0086 13800138000")).Select(c => c.Number));
        Assert.Equal(both, (await Files.FindByPhoneAsync("１３８ ００１３ ８０００")).Select(c => c.Number));
        Assert.Empty(await Files.FindByPhoneAsync("138"));          // equality, not a prefix
        Assert.Empty(await Files.FindByPhoneAsync("no phone"));
    }

    [Fact]
    public async Task Credit_code_search_ignores_case_and_spaces()
    {
        var huadong = await CreateAsync("Huadong Precision", creditCode: "91310115MA1K3YJ12X");
        await CreateAsync("Other Ltd", creditCode: "91310115MA1K3YJ12Y");

        Assert.Equal([huadong.Number], (await Files.FindByCreditCodeAsync(" 91310115 ma1k3yj12x ")).Select(c => c.Number));
        Assert.Empty(await Files.FindByCreditCodeAsync("91310115MA1K3YJ12"));
        Assert.Empty(await Files.FindByCreditCodeAsync(""));
    }

    [Fact]
    public async Task Listing_by_owner_gives_that_rep_s_files_by_name()
    {
        await CreateAsync("Zeta Ltd", owner: LiNa);
        await CreateAsync("Tom's Customer", owner: Tom);
        await CreateAsync("alpha Ltd", owner: LiNa);

        Assert.Equal(["alpha Ltd", "Zeta Ltd"], (await Files.ListByOwnerAsync(LiNa)).Select(c => c.Name));
        Assert.Equal(["Tom's Customer"], (await Files.ListByOwnerAsync(Tom)).Select(c => c.Name));
        Assert.Empty(await Files.ListByOwnerAsync("00000000-0000-0000-0000-000000000000"));
    }

    [Fact]
    public async Task Finders_return_deleted_files_with_their_status_but_never_purged_ones()
    {
        var deleted = await CreateAsync("Deleted Ltd", phone: "13900000001", creditCode: "91310000000000001D");
        var purged = await CreateAsync("Purged Ltd", phone: "13900000002", creditCode: "91310000000000002P");
        await Files.UpdateAsync(deleted with { Status = CustomerStatus.Deleted, DeletedAt = Clock.GetUtcNow() }, []);
        await Files.UpdateAsync(purged with { Status = CustomerStatus.Purged }, []);

        Assert.Equal(CustomerStatus.Deleted, Assert.Single(await Files.FindByNamePrefixAsync("Deleted", 10)).Status);
        Assert.Single(await Files.FindByPhoneAsync("13900000001"));
        Assert.Single(await Files.FindByCreditCodeAsync("91310000000000001D"));
        Assert.Empty(await Files.FindByNamePrefixAsync("Purged", 10));
        Assert.Empty(await Files.FindByPhoneAsync("13900000002"));
        Assert.Empty(await Files.FindByCreditCodeAsync("91310000000000002P"));
        Assert.Equal(["Deleted Ltd"], (await Files.ListByOwnerAsync(LiNa)).Select(c => c.Name));
    }
}

public abstract partial class CustomerFilesContract
{
    [Fact]
    public async Task The_import_duplicate_lookup_finds_files_by_name_or_alias_phone_and_credit_code_each_once_under_every_key_asked()
    {
        await FileSearchSamplesAsync();
        var huadong = await Files.CreateAsync(Draft("Huadong Precision Machinery", phone: "021 5555 0100") with { Aliases = "华东精密机械; HPM" },
            NewSubmissionId());

        var found = await Files.FindMatchesAsync(["ＨＰＭ", "Huadong Precision Machinery", "华东精密机械", "nobody"], ["021-5555-0100"], ["none"]);

        // A ledger's row named by an alias is the same customer, as on the new-customer form.
        Assert.Equal(new[] { "ＨＰＭ", "Huadong Precision Machinery", "华东精密机械" }.Select(CustomerNames.Normalize).Order(StringComparer.Ordinal),
            found.ByName.Keys.Order(StringComparer.Ordinal));
        Assert.All(found.ByName.Values, files => Assert.Equal(huadong.Number, Assert.Single(files).Number));
        Assert.Equal(huadong.Number, Assert.Single(Assert.Single(found.ByPhone).Value).Number);
        Assert.Empty(found.ByCreditCode);
        Assert.DoesNotContain("nobody", found.ByName.Keys);
    }
}
