import { ApiProperty } from '@nestjs/swagger';

/** The service address as it stood when the account was disconnected. */
export class DisconnectedAddressDto {
  @ApiProperty() line1: string;
  @ApiProperty({ nullable: true, type: String }) line2: string | null;
  @ApiProperty() city: string;
  @ApiProperty() region: string;
  @ApiProperty() postcode: string;
  @ApiProperty({ example: 'US' }) country: string;
  @ApiProperty({ nullable: true, type: String, example: '39.781721' }) latitude: string | null;
  @ApiProperty({ nullable: true, type: String, example: '-89.650148' }) longitude: string | null;
  @ApiProperty({ example: '12 Oak St, Springfield, IL 62701, US' }) formatted: string;
}

export class DisconnectionStaffDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

export class DisconnectionStatusDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Null once the status has been deleted' }) id: number | null;
  @ApiProperty({ description: 'The name it had at the time' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: '#607d8b' }) color: string | null;
}

export class FinalInvoiceSummaryDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'INV-0000042' }) number: string;
  @ApiProperty({ description: 'Charges with their taxes, minor units' }) total: number;
  @ApiProperty({ description: 'Still owed on it now, minor units' }) remaining: number;
}

/** One entry of an account's disconnection log. */
export class DisconnectionResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() disconnectedAt: Date;
  @ApiProperty({ example: '2026-04-11', description: 'The billing date services ended and the final invoice is dated' })
  disconnectedOn: string;
  @ApiProperty({ nullable: true, type: DisconnectionStaffDto, description: 'Null when done by the system' })
  disconnectedBy: DisconnectionStaffDto | null;
  @ApiProperty({ type: DisconnectedAddressDto }) address: DisconnectedAddressDto;
  @ApiProperty({ type: DisconnectionStatusDto }) previousStatus: DisconnectionStatusDto;
  @ApiProperty({ type: DisconnectionStatusDto }) status: DisconnectionStatusDto;
  @ApiProperty({ nullable: true, type: FinalInvoiceSummaryDto, description: 'Null when nothing was left to invoice' })
  finalInvoice: FinalInvoiceSummaryDto | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ example: 'USD' }) currency: string;
}
