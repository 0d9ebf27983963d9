using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Domain.Visits;

public class LocalCalendarTests
{
    [Fact]
    public void The_same_instant_is_a_different_day_in_shanghai_and_los_angeles()
    {
        var instant = Zones.At("2026-11-18T03:00:00Z");
        Assert.Equal(Zones.D("2026-11-18"), LocalCalendar.Today(instant, Zones.Shanghai));
        Assert.Equal(Zones.D("2026-11-17"), LocalCalendar.Today(instant, Zones.LosAngeles));
    }

    [Theory]
    // Spring forward: 8 March 2026 in New York has 23 hours, 1 November 2026 has 25.
    [InlineData("America/New_York", "2026-03-08", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 23)]
    [InlineData("America/New_York", "2026-11-01", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 25)]
    [InlineData("Europe/Berlin", "2026-03-29", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 23)]
    [InlineData("Asia/Shanghai", "2026-03-08", "2026-03-08T00:00:00+08:00", "2026-03-09T00:00:00+08:00", 24)]
    public void Days_start_at_local_midnight_and_last_as_long_as_dst_makes_them(string zone, string day, string start, string end, int hours)
    {
        var z = Zones.Get(zone);
        Assert.Equal(Zones.At(start), LocalCalendar.StartOfDay(Zones.D(day), z));
        Assert.Equal(Zones.At(end), LocalCalendar.EndOfDay(Zones.D(day), z));
        Assert.Equal(TimeSpan.FromHours(hours), LocalCalendar.EndOfDay(Zones.D(day), z) - LocalCalendar.StartOfDay(Zones.D(day), z));
    }

    [Fact]
    public void A_wall_time_in_the_spring_gap_moves_forward_and_one_in_the_autumn_overlap_is_the_first()
    {
        Assert.Equal(Zones.At("2026-03-08T03:30:00-04:00"), LocalCalendar.ToInstant(Zones.D("2026-03-08"), new TimeOnly(2, 30), Zones.NewYork));
        Assert.Equal(Zones.At("2026-11-01T01:30:00-04:00"), LocalCalendar.ToInstant(Zones.D("2026-11-01"), new TimeOnly(1, 30), Zones.NewYork));
    }

    [Fact]
    public void Where_dst_starts_at_midnight_the_day_starts_at_one()
    {
        // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September (6 Sep 2026).
        var santiago = Zones.Get("America/Santiago");
        var start = LocalCalendar.StartOfDay(Zones.D("2026-09-06"), santiago);
        Assert.Equal(Zones.At("2026-09-06T01:00:00-03:00"), start);
        Assert.Equal(Zones.D("2026-09-06"), LocalCalendar.DateOf(start, santiago));
        Assert.Equal(Zones.D("2026-09-05"), LocalCalendar.DateOf(start.AddTicks(-1), santiago));
    }

    [Fact]
    public void A_visit_without_a_time_is_now_when_today_and_noon_otherwise()
    {
        var now = Zones.At("2026-11-18T09:15:00+08:00");
        Assert.Equal(now, LocalCalendar.VisitInstant(Zones.D("2026-11-18"), null, now, Zones.Shanghai));
        Assert.Equal(Zones.At("2026-11-17T12:00:00+08:00"), LocalCalendar.VisitInstant(Zones.D("2026-11-17"), null, now, Zones.Shanghai));
        Assert.Equal(Zones.At("2026-11-17T08:00:00+08:00"), LocalCalendar.VisitInstant(Zones.D("2026-11-17"), new TimeOnly(8, 0), now, Zones.Shanghai));
    }

    [Theory]
    [InlineData("Asia/Shanghai", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("Not/AZone", false)]
    public void Zones_are_found_by_iana_id(string? id, bool found) => Assert.Equal(found, LocalCalendar.FindZone(id) is not null);
}
