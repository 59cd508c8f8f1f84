// Prometheus JMX exporter rules: only the broker figures the dashboard shows,
// so a scrape stays cheap (the exporter's default exports thousands of series).
export const JMX_EXPORTER_CONFIG = `lowercaseOutputName: true
includeObjectNames:
  - "kafka.server:type=BrokerTopicMetrics,name=*"
  - "kafka.server:type=ReplicaManager,name=*"
  - "kafka.network:type=RequestMetrics,name=RequestsPerSec,*"
rules:
  - pattern: 'kafka.server<type=BrokerTopicMetrics, name=(BytesInPerSec|BytesOutPerSec|MessagesInPerSec|TotalProduceRequestsPerSec|TotalFetchRequestsPerSec|FailedProduceRequestsPerSec)><>Count'
    name: kafka_server_brokertopicmetrics_$1_total
    type: COUNTER
  - pattern: 'kafka.server<type=ReplicaManager, name=(UnderReplicatedPartitions|PartitionCount|LeaderCount|UnderMinIsrPartitionCount|OfflineReplicaCount)><>Value'
    name: kafka_server_replicamanager_$1
    type: GAUGE
  - pattern: 'kafka.network<type=RequestMetrics, name=RequestsPerSec, request=(\\w+)(?:, version=\\d+)?><>Count'
    name: kafka_network_requests_total
    labels:
      request: $1
    type: COUNTER
`;
