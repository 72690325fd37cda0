import { ApiProperty } from '@nestjs/swagger';

export class TestPaymentMethodDto {
  @ApiProperty({ example: 'pm_card_visa', description: "Stripe's test token; saving it makes a real test-mode method" }) token: string;
  @ApiProperty({ enum: ['card', 'bank'] }) type: 'card' | 'bank';
  @ApiProperty({ example: 'Visa, succeeds', description: 'What Stripe does when it is charged' }) label: string;
  @ApiProperty({ example: '4242' }) last4: string;
}

/** What the panel needs to collect a card or bank account. */
export class PaymentsConfigDto {
  @ApiProperty({ nullable: true, type: String, description: "Stripe's publishable key; null when Stripe's elements are not set up" })
  stripePublishableKey: string | null;
  @ApiProperty({
    type: [TestPaymentMethodDto],
    description: "Stripe's test cards and bank accounts, offered when there is no publishable key and the secret key is a test key",
  })
  testPaymentMethods: TestPaymentMethodDto[];
}
