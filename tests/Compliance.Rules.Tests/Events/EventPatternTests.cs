using System.Text.Json.Nodes;
using Compliance.Rules.Events;

namespace Compliance.Rules.Tests.Events;

/// <summary>The pattern evaluator against the matching rules of the EventBridge User Guide ("Event patterns", "Content filtering").</summary>
public sealed class EventPatternTests
{
    // An EC2 instance state-change event as the EventBridge User Guide shows it, with a few extra fields to filter on.
    private static readonly JsonObject Event = JsonNode.Parse("""
        {
          "version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "EC2 Instance State-change Notification",
          "source": "aws.ec2", "account": "111122223333", "time": "2017-12-22T18:43:48Z", "region": "us-west-1",
          "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
          "detail": {
            "instance-id": "i-1234567890abcdef0", "state": "terminated", "c-count": 5, "d-count": 3.018e2,
            "source-ip": "10.0.0.255", "nothing": null, "flags": ["spot", "Tagged"],
            "findings": [{"Severity": {"Label": "LOW"}}, {"Severity": {"Label": "HIGH"}, "Compliance": {"Status": "FAILED"}}]
          }
        }
        """)!.AsObject();

    [Theory]
    [InlineData("""{"source": ["aws.ec2"]}""", true)]
    [InlineData("""{"source": ["aws.s3", "aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"]}""", true)]
    [InlineData("""{"source": ["aws.s3"]}""", false)]
    [InlineData("""{"source": ["AWS.EC2"]}""", false)]
    [InlineData("""{"source": [{"equals-ignore-case": "AWS.EC2"}]}""", true)]
    [InlineData("""{"detail": {"state": [{"prefix": "term"}]}}""", true)]
    [InlineData("""{"detail": {"state": [{"prefix": {"equals-ignore-case": "TERM"}}]}}""", true)]
    [InlineData("""{"detail": {"state": [{"suffix": "nated"}]}}""", true)]
    [InlineData("""{"detail": {"state": [{"wildcard": "t*ted"}]}}""", true)]
    [InlineData("""{"detail": {"state": [{"wildcard": "run*"}]}}""", false)]
    [InlineData("""{"detail": {"state": [{"anything-but": "running"}]}}""", true)]
    [InlineData("""{"detail": {"state": [{"anything-but": ["stopped", "terminated"]}]}}""", false)]
    [InlineData("""{"detail": {"state": [{"anything-but": {"prefix": "term"}}]}}""", false)]
    [InlineData("""{"detail": {"missing": [{"anything-but": "x"}]}}""", false)]
    [InlineData("""{"detail": {"c-count": [{"numeric": [">", 0, "<=", 5]}]}}""", true)]
    [InlineData("""{"detail": {"d-count": [{"numeric": ["<", 10]}]}}""", false)]
    [InlineData("""{"detail": {"c-count": [5]}}""", true)]
    [InlineData("""{"detail": {"c-count": ["5"]}}""", false)]
    [InlineData("""{"detail": {"instance-id": [{"exists": true}], "missing": [{"exists": false}]}}""", true)]
    [InlineData("""{"detail": {"missing": [{"exists": true}]}}""", false)]
    [InlineData("""{"detail": {"nothing": [null]}}""", true)]
    [InlineData("""{"detail": {"source-ip": [{"cidr": "10.0.0.0/24"}]}}""", true)]
    [InlineData("""{"detail": {"source-ip": [{"cidr": "10.0.1.0/24"}]}}""", false)]
    [InlineData("""{"detail": {"flags": ["Tagged"]}}""", true)]
    [InlineData("""{"detail": {"findings": {"Severity": {"Label": ["HIGH", "CRITICAL"]}, "Compliance": {"Status": ["FAILED"]}}}}""", true)]
    [InlineData("""{"detail": {"findings": {"Severity": {"Label": ["CRITICAL"]}}}}""", false)]
    [InlineData("""{"$or": [{"source": ["aws.s3"]}, {"detail": {"state": ["terminated"]}}]}""", true)]
    [InlineData("""{"$or": [{"source": ["aws.s3"]}, {"detail": {"state": ["running"]}}]}""", false)]
    [InlineData("""{"detail": {"missing-object": {"x": ["y"]}}}""", false)]
    public void Matches_as_eventbridge_does(string pattern, bool expected) =>
        Assert.Equal(expected, EventPattern.Parse(pattern).Matches(Event));

    [Theory]
    [InlineData("not json")]
    [InlineData("""["aws.ec2"]""")]
    [InlineData("""{"source": "aws.ec2"}""")]
    [InlineData("""{"detail": {"state": [{"regex": "t.*"}]}}""")]
    [InlineData("""{"detail": {"state": [{"exists": "yes"}]}}""")]
    [InlineData("""{"detail": {"c-count": [{"numeric": [">"]}]}}""")]
    [InlineData("""{"detail": {"state": [{"anything-but": {"numeric": [">", 1]}}]}}""")]
    public void Refuses_what_it_cannot_evaluate(string pattern) =>
        Assert.Throws<EventPatternException>(() => EventPattern.Parse(pattern));
}
