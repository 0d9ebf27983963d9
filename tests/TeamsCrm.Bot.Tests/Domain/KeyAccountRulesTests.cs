using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Tests.Domain;

public class KeyAccountRulesTests
{
    static readonly Credit Good = new("AA");
    static readonly Credit Poor = new("C");

    static ArchiveEntry E(EntryType type, decimal? amount) =>
        new(Guid.NewGuid().ToString(), "C-2026-00001", EntryTypes.CategoryOf(type), type, new DateOnly(2026, 5, 1), amount, null, null, null, "x", DateTimeOffset.UnixEpoch);

    [Fact]
    public void One_contract_over_ten_million_with_good_credit_is_high_value_and_quality() =>
        Assert.Equal(KeyAccountClasses.HighValue | KeyAccountClasses.Quality,
            KeyAccountRules.Classify(KeyAccountClasses.None, Good, [E(EntryType.Contract, 10_000_000.01m)], false));

    [Fact]
    public void Exactly_ten_million_is_not_over_it() =>
        Assert.Equal(KeyAccountClasses.None, KeyAccountRules.Classify(KeyAccountClasses.None, Good, [E(EntryType.Contract, 10_000_000m)], false));

    [Fact]
    public void Several_contracts_adding_up_past_ten_million_make_quality_but_not_high_value() =>
        Assert.Equal(KeyAccountClasses.Quality, KeyAccountRules.Classify(KeyAccountClasses.None, Good,
            [E(EntryType.Contract, 6_000_000m), E(EntryType.Order, 4_000_000.5m)], false));

    [Fact]
    public void Without_good_payment_credit_amounts_do_not_count_but_a_referral_does()
    {
        Assert.Equal(KeyAccountClasses.None, KeyAccountRules.Classify(KeyAccountClasses.None, Poor, [E(EntryType.Contract, 50_000_000m)], false));
        Assert.Equal(KeyAccountClasses.None, KeyAccountRules.Classify(KeyAccountClasses.None, new Credit(), [E(EntryType.Contract, 50_000_000m)], false));
        Assert.Equal(KeyAccountClasses.Quality, KeyAccountRules.Classify(KeyAccountClasses.None, Poor, [], true));
    }

    [Fact]
    public void Only_signed_contracts_and_orders_count()
    {
        var others = new[] { E(EntryType.Repayment, 20_000_000m), E(EntryType.Shipment, 20_000_000m), E(EntryType.Discount, 20_000_000m) };
        Assert.Equal(KeyAccountClasses.None, KeyAccountRules.Classify(KeyAccountClasses.None, Good, others, false));
    }

    [Fact]
    public void Group_and_strategic_set_by_a_manager_are_kept_and_computed_classes_are_recomputed()
    {
        var before = KeyAccountClasses.Group | KeyAccountClasses.Strategic | KeyAccountClasses.HighValue;
        Assert.Equal(KeyAccountClasses.Group | KeyAccountClasses.Strategic, KeyAccountRules.Classify(before, Good, [], false));
    }

    [Theory]
    [InlineData("AAA", true)]
    [InlineData(" a ", true)]
    [InlineData("BBB", false)]
    [InlineData(null, false)]
    public void Good_payment_credit_is_an_A_rating(string? rating, bool good) => Assert.Equal(good, KeyAccountRules.HasGoodPaymentCredit(new Credit(rating)));
}
