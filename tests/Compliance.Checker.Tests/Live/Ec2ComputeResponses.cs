namespace Compliance.Checker.Tests.Live;

/// <summary>EC2 answers shaped as the EC2 API reference examples: security groups, EBS and instances.</summary>
internal static class Ec2ComputeResponses
{
    /// <summary>The groups whose rules are RulesPageOne and RulesPageTwo: their permissions name the same peers.</summary>
    public const string SecurityGroups = """
        <securityGroupInfo>
          <item><ownerId>123456789012</ownerId><groupId>sg-903004f8</groupId><groupName>web</groupName><groupDescription>Web servers</groupDescription>
            <vpcId>vpc-0a60eb65b4EXAMPLE</vpcId>
            <ipPermissions>
              <item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><groups/>
                <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>SSH from anywhere</description></item></ipRanges><ipv6Ranges/><prefixListIds/></item>
              <item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/><ipRanges/>
                <ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges><prefixListIds/></item>
              <item><ipProtocol>tcp</ipProtocol><fromPort>5432</fromPort><toPort>5432</toPort>
                <groups><item><userId>123456789012</userId><groupId>sg-1a2b3c4d</groupId></item></groups><ipRanges/><ipv6Ranges/><prefixListIds/></item>
            </ipPermissions>
            <ipPermissionsEgress>
              <item><ipProtocol>-1</ipProtocol><groups/><ipRanges/><ipv6Ranges/><prefixListIds><item><prefixListId>pl-6ca54005</prefixListId></item></prefixListIds></item>
            </ipPermissionsEgress>
            <tagSet><item><key>Name</key><value>web-sg</value></item></tagSet></item>
          <item><ownerId>123456789012</ownerId><groupId>sg-1a2b3c4d</groupId><groupName>default</groupName><groupDescription></groupDescription>
            <vpcId>vpc-0a60eb65b4EXAMPLE</vpcId></item>
        </securityGroupInfo>
        """;

    /// <summary>The groups as RulesPageTwo alone describes them: the web group with two of its rules, and the default group.</summary>
    public const string WebGroupOfPageTwo = """
        <securityGroupInfo>
          <item><ownerId>123456789012</ownerId><groupId>sg-903004f8</groupId><groupName>web</groupName><groupDescription>Web servers</groupDescription>
            <vpcId>vpc-0a60eb65b4EXAMPLE</vpcId>
            <ipPermissions>
              <item><ipProtocol>tcp</ipProtocol><fromPort>5432</fromPort><toPort>5432</toPort>
                <groups><item><userId>123456789012</userId><groupId>sg-1a2b3c4d</groupId></item></groups><ipRanges/><ipv6Ranges/><prefixListIds/></item>
            </ipPermissions>
            <ipPermissionsEgress>
              <item><ipProtocol>-1</ipProtocol><groups/><ipRanges/><ipv6Ranges/><prefixListIds><item><prefixListId>pl-6ca54005</prefixListId></item></prefixListIds></item>
            </ipPermissionsEgress></item>
          <item><ownerId>123456789012</ownerId><groupId>sg-1a2b3c4d</groupId><groupName>default</groupName><groupDescription></groupDescription>
            <vpcId>vpc-0a60eb65b4EXAMPLE</vpcId></item>
        </securityGroupInfo>
        """;

    public const string RulesPageOne = """
        <securityGroupRuleSet>
          <item><securityGroupRuleId>sgr-0a8b2de2feEXAMPLE</securityGroupRuleId><groupId>sg-903004f8</groupId><groupOwnerId>123456789012</groupOwnerId>
            <isEgress>false</isEgress><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><cidrIpv4>0.0.0.0/0</cidrIpv4>
            <description>SSH from anywhere</description><tagSet/></item>
          <item><securityGroupRuleId>sgr-0b8b2de2feEXAMPLE</securityGroupRuleId><groupId>sg-903004f8</groupId><groupOwnerId>123456789012</groupOwnerId>
            <isEgress>false</isEgress><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><cidrIpv6>::/0</cidrIpv6><tagSet/></item>
        </securityGroupRuleSet>
        <nextToken>eyJ2IjoiMiIsImMiOiJwYWdlMiJ9</nextToken>
        """;

    public const string RulesPageTwo = """
        <securityGroupRuleSet>
          <item><securityGroupRuleId>sgr-0c8b2de2feEXAMPLE</securityGroupRuleId><groupId>sg-903004f8</groupId><groupOwnerId>123456789012</groupOwnerId>
            <isEgress>false</isEgress><ipProtocol>tcp</ipProtocol><fromPort>5432</fromPort><toPort>5432</toPort>
            <referencedGroupInfo><groupId>sg-1a2b3c4d</groupId><userId>123456789012</userId></referencedGroupInfo><tagSet/></item>
          <item><securityGroupRuleId>sgr-0d8b2de2feEXAMPLE</securityGroupRuleId><groupId>sg-903004f8</groupId><groupOwnerId>123456789012</groupOwnerId>
            <isEgress>true</isEgress><ipProtocol>-1</ipProtocol><fromPort>-1</fromPort><toPort>-1</toPort><prefixListId>pl-6ca54005</prefixListId><tagSet/></item>
        </securityGroupRuleSet>
        """;

    public const string Volumes = """
        <volumeSet>
          <item><volumeId>vol-049df61146c4d7901</volumeId><size>8</size><snapshotId>snap-1234567890abcdef0</snapshotId><availabilityZone>eu-west-1a</availabilityZone>
            <status>in-use</status><createTime>2013-12-18T22:35:00.000Z</createTime>
            <attachmentSet><item><volumeId>vol-049df61146c4d7901</volumeId><instanceId>i-1234567890abcdef0</instanceId><device>/dev/sda1</device>
              <status>attached</status><attachTime>2013-12-18T22:35:00.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></item></attachmentSet>
            <volumeType>gp3</volumeType><encrypted>true</encrypted>
            <kmsKeyId>arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab</kmsKeyId>
            <tagSet><item><key>Name</key><value>root</value></item></tagSet></item>
          <item><volumeId>vol-1234567890abcdef0</volumeId><size>80</size><availabilityZone>eu-west-1a</availabilityZone><status>available</status>
            <attachmentSet/><volumeType>standard</volumeType><encrypted>false</encrypted></item>
        </volumeSet>
        """;

    public const string Snapshots = """
        <snapshotSet>
          <item><snapshotId>snap-1234567890abcdef0</snapshotId><volumeId>vol-049df61146c4d7901</volumeId><status>completed</status>
            <startTime>2016-08-29T20:44:18.000Z</startTime><progress>100%</progress><ownerId>123456789012</ownerId><volumeSize>8</volumeSize>
            <description>Daily backup</description><encrypted>true</encrypted><tagSet><item><key>Backup</key><value>daily</value></item></tagSet></item>
          <item><snapshotId>snap-066877671789bd71b</snapshotId><volumeId>vol-1234567890abcdef0</volumeId><status>completed</status>
            <ownerId>123456789012</ownerId><volumeSize>80</volumeSize><encrypted>false</encrypted></item>
          <item><snapshotId>snap-0a1b2c3d4e5f67890</snapshotId><volumeId>vol-ffffffff</volumeId><status>completed</status>
            <ownerId>123456789012</ownerId><volumeSize>8</volumeSize><encrypted>false</encrypted></item>
        </snapshotSet>
        """;

    public static string SnapshotAttribute(string snapshotId, string permissions) =>
        $"<snapshotId>{snapshotId}</snapshotId><createVolumePermission>{permissions}</createVolumePermission>";

    public const string InstancesPageOne = """
        <reservationSet>
          <item><reservationId>r-1234567890abcdef0</reservationId><ownerId>123456789012</ownerId><groupSet/>
            <instancesSet>
              <item><instanceId>i-1234567890abcdef0</instanceId><imageId>ami-bff32ccc</imageId>
                <instanceState><code>16</code><name>running</name></instanceState><privateDnsName>ip-192-168-1-88.eu-west-1.compute.internal</privateDnsName>
                <instanceType>t2.micro</instanceType><subnetId>subnet-0bb1c79de3EXAMPLE</subnetId><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId>
                <privateIpAddress>192.168.1.88</privateIpAddress><ipAddress>54.194.252.215</ipAddress>
                <metadataOptions><state>applied</state><httpTokens>required</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint></metadataOptions>
                <tagSet><item><key>Name</key><value>web-1</value></item></tagSet></item>
              <item><instanceId>i-0598c7d356eba48d7</instanceId><instanceState><code>48</code><name>terminated</name></instanceState></item>
            </instancesSet></item>
        </reservationSet>
        <nextToken>eyJ2IjoiMSIsInMiOjF9</nextToken>
        """;

    public const string InstancesPageTwo = """
        <reservationSet>
          <item><reservationId>r-0fe5b2c7d3EXAMPLE</reservationId><ownerId>123456789012</ownerId>
            <instancesSet>
              <item><instanceId>i-0b22a22eec53b9321</instanceId><instanceState><code>80</code><name>stopped</name></instanceState>
                <subnetId>subnet-8EXAMPLE</subnetId><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId><privateIpAddress>10.0.2.15</privateIpAddress>
                <metadataOptions><state>applied</state><httpTokens>optional</httpTokens><httpEndpoint>enabled</httpEndpoint></metadataOptions></item>
              <item><instanceId>i-0c33b33ffd64c0432</instanceId><instanceState><code>16</code><name>running</name></instanceState>
                <subnetId>subnet-8EXAMPLE</subnetId><vpcId>vpc-0a60eb65b4EXAMPLE</vpcId></item>
            </instancesSet></item>
        </reservationSet>
        """;
}
