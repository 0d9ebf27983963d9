using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.CheckIns;

public sealed class CheckInRulesTests
{
    static readonly GeoPoint Gate = new(31.298900, 120.585300);   // a factory gate in Suzhou

    [Fact]
    public void Distances_are_great_circle_metres()
    {
        Assert.Equal(0, Gate.MetersTo(Gate), precision: 6);
        Assert.InRange(Gate.MetersTo(new GeoPoint(31.299260, 120.585300)), 39.5, 40.5);           // 0.00036° of latitude ≈ 40 m
        Assert.InRange(Gate.MetersTo(new GeoPoint(31.298900, 120.616800)), 2_990, 3_010);         // 0.0315° of longitude at 31.3° ≈ 3 km
        Assert.InRange(new GeoPoint(31.2304, 121.4737).MetersTo(new GeoPoint(39.9042, 116.4074)), 1_066_000, 1_069_000);   // Shanghai–Beijing
        Assert.False(new GeoPoint(91, 0).IsValid);
        Assert.False(new GeoPoint(double.NaN, 0).IsValid);
        Assert.True(new GeoPoint(-90, 180).IsValid);
    }

    [Fact]
    public void Far_vague_or_unknown_exactness_is_flagged_and_a_city_wide_guess_refused()
    {
        Assert.False(CheckInRules.IsFlagged(40, 10, radius: 500, poorAccuracy: 150));
        Assert.False(CheckInRules.IsFlagged(null, 10, 500, 150));   // the first: nothing to measure against yet
        Assert.True(CheckInRules.IsFlagged(3_000, 10, 500, 150));
        Assert.True(CheckInRules.IsFlagged(40, 400, 500, 150));
        Assert.True(CheckInRules.IsFlagged(40, null, 500, 150));
        Assert.True(CheckInRules.IsTooVague(5_000, maxAccuracy: 1_000));
        Assert.True(CheckInRules.IsTooVague(-1, 1_000));
        Assert.False(CheckInRules.IsTooVague(null, 1_000));
    }

    [Fact]
    public void The_customers_location_is_its_owners_first_exact_check_in()
    {
        var customer = new Customer { Number = "C-2026-00001", Kind = CustomerKind.Enterprise, Name = "华东", OwnerAadObjectId = "li-na" };
        CheckIn C(string id, string rep, int minute, double? accuracy, GeoPoint point) => new()
        {
            Id = id, RepAadObjectId = rep, CustomerNumber = customer.Number, Day = new DateOnly(2026, 12, 7), TimeZoneId = "Asia/Shanghai",
            At = new DateTimeOffset(2026, 12, 7, 1, minute, 0, TimeSpan.Zero), Point = point, AccuracyMeters = accuracy,
        };
        var other = new GeoPoint(31.3, 120.6);

        Assert.Null(CheckInRules.LocationOf(customer, [], 150));
        Assert.Equal(Gate, CheckInRules.LocationOf(customer, [
            C("a", "tom", 1, 10, other),           // not the owner
            C("b", "LI-NA", 2, 900, other),        // the owner, too vague
            C("d", "li-na", 9, 5, other),          // later
            C("c", "li-na", 3, 20, Gate),
        ], 150));
    }
}

public sealed class TypedCoordinatesTests
{
    [Theory]
    [InlineData("31.2989, 120.5853", 31.2989, 120.5853)]
    [InlineData("31.2989，120.5853", 31.2989, 120.5853)]
    [InlineData(" -33.8688 151.2093 ", -33.8688, 151.2093)]
    public void Coordinates_are_read_as_maps_copy_them(string text, double lat, double lon)
    {
        Assert.True(GeoPoint.TryParse(text, out var point));
        Assert.Equal(new GeoPoint(lat, lon), point);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("31.2989")]
    [InlineData("95, 120")]
    [InlineData("north, east")]
    [InlineData("1, 2, 3")]
    public void Anything_else_is_no_place(string? text) => Assert.False(GeoPoint.TryParse(text, out _));

    [Fact]
    public void Coordinates_typed_on_the_file_are_its_location_before_any_check_in()
    {
        var typed = new Customer { Number = "C-2026-00001", Kind = CustomerKind.Enterprise, Name = "华东", OwnerAadObjectId = "li-na", Coordinates = "31.300000, 120.600000" };
        var checkIn = new CheckIn
        {
            Id = "a", RepAadObjectId = "li-na", CustomerNumber = typed.Number, Day = new DateOnly(2026, 12, 7), TimeZoneId = "Asia/Shanghai",
            At = DateTimeOffset.UnixEpoch, Point = new GeoPoint(31.2989, 120.5853), AccuracyMeters = 5,
        };
        Assert.Equal(new GeoPoint(31.3, 120.6), CheckInRules.LocationOf(typed, [checkIn], 150));
        Assert.Equal("31.300000, 120.600000", new GeoPoint(31.3, 120.6).ToString());
    }
}
