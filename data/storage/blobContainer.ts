import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';

/**
 * A blob container made on first use. A failure (storage unreachable) is not remembered: the next
 * call tries again, so an outage at start-up does not outlive the outage.
 */
export class LazyContainer {
  readonly client: ContainerClient;
  private ready?: Promise<unknown>;

  constructor(connectionString: string, containerName: string) {
    this.client = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
  }

  async get(): Promise<ContainerClient> {
    this.ready ??= this.client.createIfNotExists().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    await this.ready;
    return this.client;
  }
}
