using System.Net;
using Compliance.Rules.Network;

namespace Compliance.Rules.Tests.Network;

/// <summary>The shortcuts of IsInternet agree with parsing every CIDR.</summary>
public sealed class IsInternetTests
{
    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData(" 0.0.0.0/0 ")]
    [InlineData("::/0")]
    [InlineData("0:0:0:0:0:0:0:0/0")]
    [InlineData("0.0.0.0/00")]
    [InlineData("10.0.0.0/0")]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.0.0.0/10")]
    [InlineData("203.0.113.0/24")]
    [InlineData("2001:db8::/32")]
    [InlineData("::/1")]
    [InlineData("0.0.0.0")]
    [InlineData("0.0.0.0/")]
    [InlineData("")]
    [InlineData("sg-0abc")]
    [InlineData("pl-6ca54005")]
    [InlineData("0.0.0.0/0\0")]
    public void Agrees_with_parsing(string cidr) =>
        Assert.Equal(IPNetwork.TryParse(cidr.Trim(), out var network) && network.PrefixLength == 0, NetworkRanges.IsInternet(cidr));

    [Fact]
    public void Null_is_not_the_internet() => Assert.False(NetworkRanges.IsInternet(null));
}
