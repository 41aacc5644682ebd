using Compliance.Rules;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>EBS volumes and instances.</summary>
public sealed class ComputeMappingTests
{
    private const string Template = """
        Resources:
          Subnet:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: vpc-0abc, CidrBlock: 10.0.0.0/24, MapPublicIpOnLaunch: true }
          PlainVolume:
            Type: AWS::EC2::Volume
            Properties: { AvailabilityZone: eu-west-1a, Size: 10 }
          EncryptedVolume:
            Type: AWS::EC2::Volume
            Properties: { AvailabilityZone: eu-west-1a, Size: 10, Encrypted: true, KmsKeyId: alias/ebs }
          RestoredVolume:
            Type: AWS::EC2::Volume
            Properties: { AvailabilityZone: eu-west-1a, SnapshotId: snap-0123456789abcdef0 }
          Attach:
            Type: AWS::EC2::VolumeAttachment
            Properties: { InstanceId: !Ref Legacy, VolumeId: !Ref EncryptedVolume, Device: /dev/sdh }
          Legacy:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-0abcdef1234567890
              SubnetId: !Ref Subnet
              MetadataOptions: { HttpTokens: optional }
          Hardened:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-0abcdef1234567890
              LaunchTemplate: { LaunchTemplateId: !Ref HardenedTemplate, Version: !GetAtt HardenedTemplate.LatestVersionNumber }
              NetworkInterfaces: [{ DeviceIndex: "0", SubnetId: !Ref Subnet, AssociatePublicIpAddress: false }]
              BlockDeviceMappings:
                - { DeviceName: /dev/xvda, Ebs: { VolumeSize: 8, Encrypted: true } }
                - { DeviceName: /dev/xvdb, Ebs: { VolumeSize: 8 } }
          HardenedTemplate:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                MetadataOptions: { HttpTokens: required, HttpEndpoint: enabled }
          Unknown:
            Type: AWS::EC2::Instance
            Properties: { ImageId: ami-0abcdef1234567890, SubnetId: subnet-elsewhere }
          Addressed:
            Type: AWS::EC2::EIP
            Properties: { InstanceId: !Ref Unknown }

        """;

    [Fact]
    public void Volumes_are_encrypted_only_when_the_template_says_so_and_restored_ones_are_not_judged()
    {
        var template = Load(Template);
        var volumes = template.Inventory.Volumes.ToDictionary(v => v.Id);

        Assert.False(volumes["PlainVolume"].Encrypted);
        Assert.True(volumes["EncryptedVolume"].Encrypted);
        Assert.Equal("alias/ebs", volumes["EncryptedVolume"].KmsKeyId);
        Assert.Equal(["Legacy"], volumes["EncryptedVolume"].AttachedInstanceIds);
        Assert.False(volumes.ContainsKey("RestoredVolume"));
        Assert.True(volumes["Hardened:/dev/xvda"].Encrypted);
        Assert.False(volumes.ContainsKey("Hardened:/dev/xvdb"));
        Assert.Contains(template.Warnings, w => w.Contains("RestoredVolume is not judged", StringComparison.Ordinal));
        Assert.Contains(template.Warnings, w => w.Contains("/dev/xvdb", StringComparison.Ordinal));
        Assert.Equal(ComplianceStatus.Fail, Status(Scan(template, RuleIds.Ec2Volume1), RuleIds.Ec2Volume1, "PlainVolume"));
    }

    [Fact]
    public void Instances_take_imds_settings_from_metadata_options_or_their_launch_template_and_public_addresses_from_the_subnet()
    {
        var template = Load(Template);
        var instances = template.Inventory.Instances.ToDictionary(i => i.Id);

        Assert.Equal(("optional", "enabled"), (instances["Legacy"].MetadataOptions!.HttpTokens, instances["Legacy"].MetadataOptions!.HttpEndpoint));
        Assert.Equal("required", instances["Hardened"].MetadataOptions!.HttpTokens);
        Assert.Null(instances["Unknown"].MetadataOptions);
        Assert.Equal(("vpc-0abc", "running"), (instances["Legacy"].VpcId, instances["Legacy"].State));
        Assert.NotEqual("", instances["Legacy"].PublicIpAddress);
        Assert.Equal("", instances["Hardened"].PublicIpAddress);
        Assert.NotEqual("", instances["Unknown"].PublicIpAddress);

        var findings = Scan(template, RuleIds.Ec2Instance1, RuleIds.Ec2Instance2);
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.Ec2Instance1, "Legacy"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.Ec2Instance1, "Hardened"));
        Assert.Equal(ComplianceStatus.Error, Status(findings, RuleIds.Ec2Instance1, "Unknown"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.Ec2Instance2, "Legacy"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.Ec2Instance2, "Hardened"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.Ec2Instance2, "Unknown"));
    }

    [Fact]
    public void An_instance_in_a_subnet_outside_the_scan_has_an_unknown_public_address()
    {
        var template = Load(Template.Replace("  Addressed:\n    Type: AWS::EC2::EIP\n    Properties: { InstanceId: !Ref Unknown }\n", ""));

        Assert.Null(Assert.Single(template.Inventory.Instances, i => i.Id == "Unknown").PublicIpAddress);
    }
}
